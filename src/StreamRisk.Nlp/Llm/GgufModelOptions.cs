namespace StreamRisk.Nlp.Llm;

/// <summary>How a GGUF model is run in process.</summary>
public sealed record GgufModelOptions
{
    /// <summary>Context window in tokens: the fixed prompt, the candidate definitions, the text and the answer must fit.</summary>
    public int ContextSize { get; init; } = 8192;

    /// <summary>CPU threads (0: llama.cpp's default).</summary>
    public int Threads { get; init; }

    /// <summary>Most tokens of one answer; the grammar ends a valid answer well before (reason ≤ 160 characters).</summary>
    public int MaxAnswerTokens { get; init; } = 320;

    /// <summary>0 samples greedily (reproducible); above 0, the sampling temperature.</summary>
    public float Temperature { get; init; }

    /// <summary>Seed of the first answer; each later answer uses the next one.</summary>
    public uint Seed { get; init; } = 42;

    /// <summary>Longest reason the grammar lets the model write.</summary>
    public int MaxReasonChars { get; init; } = Core.IndustryText.IndustryPrompt.MaxReasonChars;

    /// <summary>Evaluate the fixed prompt once and keep its KV cache for every text (off only to measure what it saves).</summary>
    public bool ReusePrefix { get; init; } = true;

    /// <summary>Longest time one text may take before the built-in model answers it instead.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
}
