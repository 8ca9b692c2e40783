using System.Text.Json;
using StreamRisk.Core.Events;
using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Subscriptions;

/// <summary>
/// Turns events from the bus into feed items: one per subscription that wants the event. An industry-sentiment event
/// is a topic match (the text's topics, the industry, and the industry's issuers). The body is what the feed and the
/// webhook carry: <c>{"kind","event_id","subscription_id","team_id","data":EVENT}</c>, with the event's own JSON as data.
/// </summary>
public sealed class FeedFanout(ReferenceData reference)
{
    private readonly SubscriptionMatcher _matcher = new(reference);
    private readonly Dictionary<string, string[]> _issuersOfIndustry = reference.Issuers
        .SelectMany(issuer => issuer.IndustryIds.Select(industry => (industry, issuer.IssuerId)))
        .GroupBy(pair => pair.industry, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(p => p.IssuerId).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    /// <summary>The bus topics the fan-out reads.</summary>
    public static IReadOnlyList<string> InputTopics { get; } = [Events.Topics.RiskAlerts, Events.Topics.RiskScores, Events.Topics.IndustrySentiment];

    /// <summary>The feed items for one message of an <see cref="InputTopics"/> topic.</summary>
    public IReadOnlyList<FeedItem> Route(IReadOnlyList<Subscription> subscriptions, string topic, ReadOnlySpan<byte> value, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        switch (topic)
        {
            case Events.Topics.RiskAlerts:
                var alert = EventJson.Deserialize<RiskAlert>(value);
                return Items(subscriptions, s => _matcher.Matches(s.Filter, alert), SubscriptionKind.Alert, alert.EventId,
                    EventJson.Serialize(alert), now);
            case Events.Topics.RiskScores:
                var score = EventJson.Deserialize<RiskScore>(value);
                return Items(subscriptions, s => _matcher.Matches(s.Filter, score), SubscriptionKind.Score, score.EventId,
                    EventJson.Serialize(score), now);
            case Events.Topics.IndustrySentiment:
                var sentiment = EventJson.Deserialize<IndustrySentiment>(value);
                var match = new TopicMatch(sentiment.DocId, sentiment.PublishedAt, sentiment.Topics.Select(t => t.TopicId).ToList(),
                    [sentiment.IndustryId], _issuersOfIndustry.GetValueOrDefault(sentiment.IndustryId, []), sentiment.Score);
                return Items(subscriptions, s => _matcher.Matches(s.Filter, match), SubscriptionKind.TopicMatch, sentiment.EventId,
                    TopicMatchJson(match), now);
            default:
                return [];
        }
    }

    private static List<FeedItem> Items(IReadOnlyList<Subscription> subscriptions, Func<Subscription, bool> wants, SubscriptionKind kind,
        string eventId, byte[] data, DateTimeOffset now)
    {
        var items = new List<FeedItem>();
        foreach (var subscription in subscriptions)
        {
            if (wants(subscription))
            {
                items.Add(new FeedItem(subscription.TeamId, subscription.SubscriptionId, kind, eventId, now,
                    Body(kind, eventId, subscription, data)));
            }
        }
        return items;
    }

    private static byte[] TopicMatchJson(TopicMatch match)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("doc_id", match.DocId);
            writer.WriteString("published_at", match.PublishedAt);
            WriteList(writer, "topic_ids", match.TopicIds);
            WriteList(writer, "industry_ids", match.IndustryIds);
            WriteList(writer, "issuer_ids", match.IssuerIds);
            writer.WriteNumber("sentiment", match.Sentiment);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }
        writer.WriteEndArray();
    }

    private static string Body(SubscriptionKind kind, string eventId, Subscription subscription, byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", SubscriptionFilterJson.KindName(kind));
            writer.WriteString("event_id", eventId);
            writer.WriteString("subscription_id", subscription.SubscriptionId);
            writer.WriteString("team_id", subscription.TeamId);
            writer.WritePropertyName("data");
            writer.WriteRawValue(data, skipInputValidation: true);
            writer.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
