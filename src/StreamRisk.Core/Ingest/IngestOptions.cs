namespace StreamRisk.Core.Ingest;

/// <summary>Limits ingest enforces on every raw news text.</summary>
public sealed record IngestOptions
{
    /// <summary>Largest body accepted, in UTF-8 bytes (default 1 MiB).</summary>
    public int MaxBodyBytes { get; init; } = 1 << 20;

    /// <summary>Earliest publication time accepted.</summary>
    public DateTimeOffset EarliestPublishedAt { get; init; } = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far past "now" a publication time may be (clock skew between feeds), before it counts as future.</summary>
    public TimeSpan FutureTolerance { get; init; } = TimeSpan.FromHours(24);
}
