namespace StreamRisk.Core.Subscriptions;

/// <summary>A text retrieved for one or more news topics, with the industries those topics move and their issuers:
/// what a surveillance team subscribed to a topic is sent.</summary>
/// <param name="Sentiment">The text's sentiment towards the industry, in [−1, 1].</param>
public sealed record TopicMatch(
    string DocId,
    DateTimeOffset PublishedAt,
    IReadOnlyList<string> TopicIds,
    IReadOnlyList<string> IndustryIds,
    IReadOnlyList<string> IssuerIds,
    double Sentiment = 0);
