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
    IReadOnlyList<IndexCorrelation> Index);
