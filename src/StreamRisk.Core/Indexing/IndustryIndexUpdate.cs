using StreamRisk.Core.Events;

namespace StreamRisk.Core.Indexing;

/// <summary>What one batch of industry texts changed.</summary>
/// <param name="ChangedIndustryDays">New or corrected industry days, ordered by industry id then day.</param>
/// <param name="IssuerMesoScores">Meso scores of the issuers of the industry days released by this batch (changed now or
/// before, and <see cref="IndustryIndexOptions.MesoReleaseDays"/> behind the stream), ordered by issuer then day, ready
/// for <see cref="DailyAggregator.Apply"/>.</param>
/// <param name="Rejected">Texts not applied.</param>
public sealed record IndustryIndexUpdate(
    IReadOnlyList<IndustryDailyValue> ChangedIndustryDays,
    IReadOnlyList<IssuerMesoScore> IssuerMesoScores,
    IReadOnlyList<RejectedInput<IndustrySentiment>> Rejected);
