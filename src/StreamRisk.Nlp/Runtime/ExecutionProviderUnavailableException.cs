namespace StreamRisk.Nlp.Runtime;

/// <summary>The configured execution provider cannot run here, and falling back to the CPU was not allowed.</summary>
public sealed class ExecutionProviderUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
