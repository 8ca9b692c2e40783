namespace StreamRisk.Nlp.Llm;

/// <summary>How the answer format is enforced by the server.</summary>
public enum ResponseFormatKind
{
    /// <summary>A JSON schema (OpenAI structured outputs, vLLM, llama.cpp server).</summary>
    JsonSchema,

    /// <summary>JSON mode only (servers without schema support); the answer is still validated.</summary>
    JsonObject,
}

/// <summary>How an OpenAI-compatible server is called: per-attempt timeout, retries with exponential backoff, a
/// concurrency limit and a circuit breaker.</summary>
public sealed record OpenAiModelOptions
{
    /// <summary>Model name sent to the server (e.g. <c>qwen2.5-3b-instruct</c>).</summary>
    public string Model { get; init; } = "qwen2.5-3b-instruct";

    /// <summary>Sent as a bearer token; local servers ignore it.</summary>
    public string ApiKey { get; init; } = "none";

    public ResponseFormatKind ResponseFormat { get; init; } = ResponseFormatKind.JsonSchema;

    /// <summary>Longest wait for one attempt.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a 429, a 5xx, a timeout or a broken response (so at most 1 + this many attempts).</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>First backoff; doubled on each retry, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Requests in flight at once.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>Calls (after their retries) that must have failed in a row before the circuit opens.</summary>
    public int BreakAfterFailures { get; init; } = 5;

    /// <summary>How long an open circuit sends every text to the built-in model before one call is tried again.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    public int MaxAnswerTokens { get; init; } = 256;

    public int MaxReasonChars { get; init; } = Core.IndustryText.IndustryPrompt.MaxReasonChars;
}
