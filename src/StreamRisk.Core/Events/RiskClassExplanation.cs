namespace StreamRisk.Core.Events;

/// <summary>
/// Why a trained default-class model (<c>--risk-model</c>) gave a <see cref="RiskScore"/> its class probabilities: what it
/// read (statements up to <see cref="StatementDay"/>), where it looked (feature × quarter attention, chapters, numbers
/// vs text) and which soft cluster of issuers it placed the issuer in. The texts that moved the index are the score's
/// <see cref="RiskScore.EvidenceDocIds"/>.
/// </summary>
/// <param name="Model">The class model's version (<c>name@version</c>).</param>
/// <param name="StatementDay">Period end of the newest statement the model read (null: none published yet).</param>
/// <param name="Quarters">Statements the model read.</param>
/// <param name="TopFeatures">The features × quarters with the largest attention, largest first.</param>
/// <param name="Clusters">Assignment probability per cluster (one entry for a model without clustering).</param>
/// <param name="NumbersWeight">Modality weight of the financial and macro indicators.</param>
/// <param name="TextWeight">Modality weight of the disclosure texts (0 for a model without text).</param>
/// <param name="Chapters">Attention per disclosure chapter over the quarters read.</param>
public sealed record RiskClassExplanation(
    string Model,
    DateOnly? StatementDay,
    int Quarters,
    IReadOnlyList<FeatureAttribution> TopFeatures,
    IReadOnlyList<double> Clusters,
    double NumbersWeight,
    double TextWeight,
    IReadOnlyList<ChapterAttribution> Chapters);

/// <summary>Attention on one indicator of one quarter's statement.</summary>
public sealed record FeatureAttribution(string Feature, DateOnly PeriodEnd, double Weight);

/// <summary>Attention on one disclosure chapter (e.g. <c>risk_factors</c>).</summary>
public sealed record ChapterAttribution(string Chapter, double Weight);

/// <summary>What the shadow model (<c>--risk-model-shadow</c>) scored for the same inputs; recorded, never acted on.</summary>
public sealed record ShadowRiskScore(string Model, double PPerforming, double PExtended, double PDefaulted, RiskClass RiskClass);
