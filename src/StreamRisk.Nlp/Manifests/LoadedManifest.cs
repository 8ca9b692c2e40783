namespace StreamRisk.Nlp.Manifests;

/// <summary>A manifest whose files exist and match their checksums, with their absolute paths.</summary>
public sealed record LoadedManifest(string ManifestPath, ModelManifest Manifest, string ModelPath, string VocabPath, string? HeadPath)
{
    public string ModelId => Manifest.ModelId!;
    public int MaxLength => Manifest.MaxLength;
    public IReadOnlyList<string> Labels => Manifest.Labels ?? [];
    public string Pooling => Manifest.Pooling!;
    public Sentiment.AspectScope AspectScope => Manifest.Scope;
    public Sentiment.MentionMasking MentionMasking => Manifest.Masking;

    public ModelManifestException Error(string field, string problem) => new(ManifestPath, field, problem);
}
