namespace StreamRisk.RiskModels.Artifacts;

/// <summary>A model artifact that cannot be used: the message names the file, the field and what to do.</summary>
public sealed class ModelArtifactException(string message, Exception? inner = null) : Exception(message, inner);
