using StreamRisk.Core.Events;

namespace StreamRisk.Core.Indexing;

/// <summary>What one batch changed: new or corrected daily values (one per issuer and day, ordered by issuer then day)
/// and the inputs that were not applied.</summary>
public sealed record DailyAggregation(
    IReadOnlyList<DailySentiment> Changed,
    IReadOnlyList<RejectedInput<FirmSentiment>> RejectedTexts,
    IReadOnlyList<RejectedInput<IssuerMesoScore>> RejectedMesoScores);
