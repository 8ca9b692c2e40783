namespace StreamRisk.Core.Events;

/// <summary>Topic names; each is also the name of the JSON Schema under <c>schemas/</c> that its events follow.</summary>
public static class Topics
{
    public const string NewsRaw = "news.raw.v1";
    public const string Docs = "docs.v1";
    public const string Mentions = "mentions.v1";
    public const string FirmSentiment = "sentiment.firm.v1";
    public const string IndustrySentiment = "sentiment.industry.v1";
    public const string DailySentiment = "sentiment.daily.v1";
    public const string Fundamentals = "fundamentals.v1";
    public const string Spreads = "spreads.v1";
    public const string RiskScores = "risk.scores.v1";
    public const string RiskAlerts = "risk.alerts.v1";
    public const string DeadLetters = "dlq.v1";

    public static readonly IReadOnlyList<string> All =
    [
        NewsRaw, Docs, Mentions, FirmSentiment, IndustrySentiment, DailySentiment,
        Fundamentals, Spreads, RiskScores, RiskAlerts, DeadLetters,
    ];
}
