namespace StreamRisk.Core.IndustryText;

/// <summary>The backend cannot answer now (server down, circuit open, every retry timed out): the built-in model answers instead.</summary>
public sealed class LanguageModelUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A language model that completes a rendered prompt into a raw answer (a GGUF model in process, or an
/// OpenAI-compatible server). Constraining the output (grammar, JSON schema) is the backend's job; validating it is
/// <see cref="LlmIndustryTextModel"/>'s.
/// </summary>
public interface ILanguageModelBackend
{
    /// <summary>e.g. <c>gguf:qwen2.5-3b-instruct-q4_k_m</c> or <c>openai:qwen2.5-3b-instruct</c>.</summary>
    string ModelId { get; }

    /// <summary>The raw answer text.</summary>
    /// <exception cref="LanguageModelUnavailableException">The backend cannot answer now.</exception>
    Task<string> CompleteAsync(RenderedPrompt prompt, CancellationToken cancellationToken);
}
