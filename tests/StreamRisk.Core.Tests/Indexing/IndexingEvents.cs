using StreamRisk.Core.Events;

namespace StreamRisk.Core.Tests.Indexing;

/// <summary>Builds the sentiment events the daily indexes consume.</summary>
internal static class IndexingEvents
{
    public static readonly DateOnly Day0 = new(2024, 3, 1);

    public static DateOnly Day(int offset) => Day0.AddDays(offset);

    public static FirmSentiment Firm(string issuerId, string docId, int day, double score, string? eventId = null) =>
        new(
            eventId ?? $"{docId}:{issuerId}",
            docId,
            issuerId,
            new DateTimeOffset(Day(day).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero),
            PNeg: Math.Max(0, -score),
            PNeu: 1 - Math.Abs(score),
            PPos: Math.Max(0, score),
            Score: score,
            MentionCount: 1,
            Model: "test",
            IngestSeq: 0);

    public static IndustrySentiment Industry(string industryId, string docId, int day, double score, double weight = 1.0) =>
        new(
            $"{docId}:{industryId}",
            docId,
            industryId,
            new DateTimeOffset(Day(day).ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero),
            score,
            weight,
            [new TopicHit("topic-1", 0.8)],
            "test",
            0);
}
