namespace StreamRisk.Infrastructure.Qdrant;

/// <summary>Where Qdrant listens (its gRPC port, 6334 by default) and the API key, from options or STREAMRISK_QDRANT_* variables.</summary>
public sealed record QdrantIndexOptions(Uri Address)
{
    public const string UrlVariable = "STREAMRISK_QDRANT_URL";
    public const string ApiKeyVariable = "STREAMRISK_QDRANT_API_KEY";

    /// <summary>Never logged, never a command-line option (it would show in process lists).</summary>
    public string? ApiKey { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    public override string ToString() => Address.ToString();
}
