namespace StreamRisk.Nlp.Llm;

/// <summary>A language model that cannot be used as configured (missing, truncated or non-GGUF file; bad server URL).</summary>
public sealed class LanguageModelConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
