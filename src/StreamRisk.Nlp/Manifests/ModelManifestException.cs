namespace StreamRisk.Nlp.Manifests;

/// <summary>A manifest that does not describe its model: names the field, what was found and what was expected.</summary>
public sealed class ModelManifestException(string manifestPath, string field, string problem)
    : Exception($"model manifest {manifestPath}: '{field}' {problem}")
{
    public string ManifestPath { get; } = manifestPath;
    public string Field { get; } = field;
}
