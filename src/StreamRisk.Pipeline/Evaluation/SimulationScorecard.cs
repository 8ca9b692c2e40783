using StreamRisk.Core.Evaluation;

namespace StreamRisk.Pipeline.Evaluation;

/// <summary>The pipeline judged against a simulation's ground truth.</summary>
/// <param name="TruthTexts">News texts the truth describes (disclosures excluded).</param>
/// <param name="JudgedTexts">Of those, the ones ingest admitted (the rest were duplicates or dead letters).</param>
/// <param name="NeutralBand">Firm scores within ±band count as a neutral prediction.</param>
public sealed record SimulationScorecard(
    int TruthTexts,
    int JudgedTexts,
    DetectionScore Mentions,
    PolarityConfusion Polarity,
    double NeutralBand,
    IReadOnlyList<IndexCorrelation> Index)
{
    /// <summary>Issuers of the simulation's issuer_relations.csv (0 without one): where spill-over can act.</summary>
    public int RelatedIssuers { get; init; }

    /// <summary><see cref="Index"/> over the related issuers only; null without relations.</summary>
    public IReadOnlyList<IndexCorrelation>? RelatedIndex { get; init; }

    /// <summary>sentiment.daily.v1 events the run emitted (every revision), and the bytes of that topic's file.</summary>
    public long DailyValuesEmitted { get; init; }

    public long DailyTopicBytes { get; init; }
}
