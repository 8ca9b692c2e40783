using StreamRisk.RiskModels.Artifacts;

namespace StreamRisk.RiskModels.Default;

/// <summary>Loads any default-class artifact by its manifest's model kind, for <c>--risk-model</c>.</summary>
public static class DefaultClassModels
{
    private static readonly Dictionary<string, Func<ModelArtifact, IDefaultClassScorer>> Loaders = new(StringComparer.Ordinal)
    {
        [DefaultClassModel.Kind] = DefaultClassModel.FromArtifact,
        [TabularMlpClassModel.Kind] = TabularMlpClassModel.FromArtifact,
    };

    /// <summary>The kinds a served class model can be.</summary>
    public static IReadOnlyCollection<string> Kinds => Loaders.Keys;

    public static IDefaultClassScorer Load(string path)
    {
        var artifact = ModelArtifact.Load(path);
        if (!Loaders.TryGetValue(artifact.Manifest.ModelKind, out var load))
        {
            throw new ModelArtifactException($"{artifact.ManifestPath}: field 'model_kind' is '{artifact.Manifest.ModelKind}', which is not a default-class model "
                + $"(expected one of: {string.Join(", ", Loaders.Keys.Order(StringComparer.Ordinal))}; write one with streamrisk train default)");
        }
        return load(artifact);
    }
}
