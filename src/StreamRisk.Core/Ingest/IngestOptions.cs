namespace StreamRisk.Core.Ingest;

/// <summary>Limits ingest enforces on every raw news text, and how its lateness watermark moves.</summary>
/// <remarks>Text limits count the UTF-8 bytes of the decoded string, so a text written with <c>\uXXXX</c> escapes is
/// judged like the same text written plainly. The short fields (doc_id, source, language, url) are bounded by the
/// news.raw.v1 JSON Schema, whose maxLength is also checked on decoded strings.</remarks>
public sealed record IngestOptions
{
    /// <summary>Largest body accepted, in UTF-8 bytes (default 1 MiB).</summary>
    public int MaxBodyBytes { get; init; } = 1 << 20;

    /// <summary>Largest headline accepted, in UTF-8 bytes (default 16 KiB).</summary>
    public int MaxHeadlineBytes { get; init; } = 16 << 10;

    /// <summary>Largest raw message read at all, before decoding (default <see cref="InputLimits.MaxRecordBytes"/>).</summary>
    public int MaxMessageBytes { get; init; } = InputLimits.MaxRecordBytes;

    /// <summary>Earliest publication time accepted.</summary>
    public DateTimeOffset EarliestPublishedAt { get; init; } = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far past "now" a publication time may be (clock skew between feeds), before it counts as future.</summary>
    public TimeSpan FutureTolerance { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How many accepted documents must have reached a UTC published day before the ingest watermark moves to it
    /// (default 3; see <see cref="IngestWatermark"/>). Up to this many − 1 mis-dated texts (e.g. one dated today in an
    /// archive) cannot move the watermark; in an in-order stream a stamp lags by this many − 1 documents. 1 makes the
    /// watermark the running maximum of published days.
    /// </summary>
    public int WatermarkQuorum { get; init; } = 3;

    /// <summary>
    /// Among how many of the latest accepted documents, in ingest order, the quorum is counted (default 10, at least
    /// <see cref="WatermarkQuorum"/>): mis-dated texts further apart than this never add up to a quorum. A restarted
    /// ingest reads this many stored documents back.
    /// </summary>
    public int WatermarkWindow { get; init; } = 10;
}
