using System.Text.Json.Serialization;

namespace StreamRisk.Core.Events;

/// <summary><c>sentiment.firm.v1</c>: aspect sentiment of one document towards one issuer. Keyed by issuer id.</summary>
/// <param name="Score">P(pos) − P(neg), in [−1, 1].</param>
/// <param name="Watermark">The ingest watermark of the document (<see cref="NewsDocument.Watermark"/>). The daily index
/// judges lateness against it.</param>
public sealed record FirmSentiment(
    string EventId,
    string DocId,
    string IssuerId,
    DateTimeOffset PublishedAt,
    double PNeg,
    double PNeu,
    double PPos,
    double Score,
    int MentionCount,
    string Model,
    long IngestSeq,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? Watermark = null);

/// <summary>A topic a text was retrieved for, with its cosine similarity.</summary>
public sealed record TopicHit(string TopicId, double Similarity);

/// <summary><c>sentiment.industry.v1</c>: sentiment of an issuer-free text towards one industry. Keyed by industry id.</summary>
/// <param name="Weight">Topic→industry weight summed over the text's topics (how strongly the text concerns the industry).</param>
/// <param name="Watermark">The ingest watermark of the document (<see cref="NewsDocument.Watermark"/>).</param>
/// <param name="PromptVersion">Version of the prompt the model was asked with (<c>none</c> for the built-in scorer).</param>
/// <param name="Fallback">Why the built-in scorer answered instead of the configured LLM (null when the LLM answered).</param>
/// <param name="Paths">The topic→industry paths that carried the score: one per topic of the text that AFFECTS this
/// industry (<see cref="Topics.TopicPaths"/>); null from producers before paths existed.</param>
public sealed record IndustrySentiment(
    string EventId,
    string DocId,
    string IndustryId,
    DateTimeOffset PublishedAt,
    double Score,
    double Weight,
    IReadOnlyList<TopicHit> Topics,
    string Model,
    long IngestSeq,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? Watermark = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PromptVersion = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Fallback = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TopicPath>? Paths = null);

/// <summary>
/// One topic's path to an industry on a <c>sentiment.industry.v1</c> event: topic -[AFFECTS {weight}]-> industry.
/// <paramref name="Contribution"/> = similarity × sentiment × AFFECTS weight; over an event's paths,
/// Σ contribution / Σ similarity (that sum over all the text's topics) = score × weight of the event.
/// </summary>
/// <param name="Similarity">The topic's similarity to the text (a topic only the LLM chose carries the retrieval threshold).</param>
/// <param name="Sentiment">The text's own tone in [−1, 1], before the link's sign is applied.</param>
/// <param name="AffectsWeight">The AFFECTS edge's weight in [−1, 1] (sign: direction of the effect on the industry).</param>
public sealed record TopicPath(string TopicId, double Similarity, double Sentiment, double AffectsWeight, double Contribution);

/// <summary><c>sentiment.daily.v1</c>: the composite daily sentiment index of one issuer. Keyed by issuer id.</summary>
/// <param name="Day">Event-time day (UTC) the value is for.</param>
/// <param name="Revision">0 for the first value of the day; each late correction adds one.</param>
/// <param name="FirmScore">Mean firm-level score of the day's texts (null: no text that day).</param>
/// <param name="MesoScore">Mean over the issuer's industries of their causal z-scored industry index (null: none had news
/// that day, or the stream is not yet a day past it; see <see cref="Indexing.IndustryIndexOptions.MesoReleaseDays"/>).</param>
/// <param name="Composite">Combination of firm and meso scores, before smoothing.</param>
/// <param name="Smoothed">Causal Daubechies-4 smoothed composite; depends only on days ≤ Day.</param>
/// <param name="SpilloverScore">What related issuers' news added to <paramref name="Composite"/> that day (Σ reach
/// weight × the related issuer's own firm + meso composite); null when spill-over is off or no related issuer had news.</param>
/// <param name="Spillover">The largest contributions (at most 3) with the relation path that carried each.</param>
public sealed record DailySentiment(
    string EventId,
    string IssuerId,
    DateOnly Day,
    int Revision,
    double? FirmScore,
    int FirmCount,
    double? MesoScore,
    double Composite,
    double Smoothed,
    IReadOnlyList<string> TopDocIds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? SpilloverScore = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SpilloverContribution>? Spillover = null);

/// <summary>One related issuer's share of a day's spill-over, and the path of relations it came along.</summary>
/// <param name="SourceIssuerId">The related issuer whose own news moved (the path's first issuer).</param>
/// <param name="Path">Issuer ids from the source to the issuer the value is for, both included.</param>
/// <param name="Relations">The kind of each relation on the path (supplier, parent, guarantor), one per hop.</param>
/// <param name="Weight">Π(relation weights) × decay^hops.</param>
/// <param name="Contribution">Weight × the source's own composite that day.</param>
public sealed record SpilloverContribution(string SourceIssuerId, IReadOnlyList<string> Path, IReadOnlyList<string> Relations, double Weight, double Contribution);
