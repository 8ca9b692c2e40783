namespace StreamRisk.RiskModels.Default;

/// <summary>
/// Padded, normalised input of <see cref="Size"/> examples for the sequence models, row-major: quarters oldest first,
/// right-padded to <see cref="Steps"/> (the newest <see cref="Steps"/> quarters when an issuer has more).
/// </summary>
public sealed class DefaultBatch
{
    public required int Size { get; init; }
    public required int Steps { get; init; }
    /// <summary>Financial then macro indicators, normalised.</summary>
    public required int Features { get; init; }
    public required int Chapters { get; init; }
    public required int EmbeddingDimension { get; init; }

    /// <summary>[Size, Steps, Features]; 0 at padded steps.</summary>
    public required float[] Values { get; init; }
    /// <summary>[Size, Steps]: Δt in months since the previous statement (kept or not); 0 for an issuer's first statement and at padded steps.</summary>
    public required float[] Elapsed { get; init; }
    /// <summary>[Size, Steps]: 1 for a real quarter, 0 for padding.</summary>
    public required float[] StepMask { get; init; }
    /// <summary>[Size, Steps, Chapters, EmbeddingDimension]; 0 where a chapter had no text.</summary>
    public required float[] Text { get; init; }
    /// <summary>[Size, Steps, Chapters]: 1 where the chapter had text that quarter.</summary>
    public required float[] ChapterMask { get; init; }
    /// <summary>[Size]: 0 performing, 1 extended, 2 defaulted; empty when scoring.</summary>
    public int[] Labels { get; init; } = [];
}
