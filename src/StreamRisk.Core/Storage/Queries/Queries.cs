using StreamRisk.Core.Events;

namespace StreamRisk.Core.Storage.Queries;

/// <summary>Rows of one issuer by day: <paramref name="From"/> and <paramref name="To"/> inclusive (null: open),
/// starting after <paramref name="AfterDay"/> (the last day of the previous page).</summary>
public sealed record DayRangeQuery(string IssuerId, DateOnly? From, DateOnly? To, int Limit, DateOnly? AfterDay = null);

/// <summary>Where the previous page of alerts ended (alerts run newest first).</summary>
public sealed record AlertPosition(DateOnly AsOf, string AlertId);

/// <summary>Alerts filtered by id, issuer, rule, severities, status and day range (<c>as_of</c>, inclusive); null: any.</summary>
/// <param name="Severities">The severities to return (see <see cref="AlertSeverity.AtLeast"/>); null: all.</param>
/// <param name="Status"><see cref="RiskAlert.Active"/> or <see cref="RiskAlert.Retracted"/>; null: both.</param>
public sealed record AlertQuery(int Limit)
{
    public string? AlertId { get; init; }
    public string? IssuerId { get; init; }
    public string? Rule { get; init; }
    public IReadOnlyList<string>? Severities { get; init; }
    public string? Status { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public AlertPosition? After { get; init; }
}

/// <summary>Where the previous page of documents ended (documents run newest first).</summary>
public sealed record DocumentPosition(DateTimeOffset PublishedAt, string DocId);

/// <summary>
/// Documents filtered by the issuer they were scored for (firm level), the industry or topic they were scored for
/// (industry level) and publication day (UTC, inclusive); null: any.
/// </summary>
public sealed record DocumentQuery(int Limit)
{
    public string? IssuerId { get; init; }
    public string? IndustryId { get; init; }
    public string? TopicId { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public DocumentPosition? After { get; init; }

    /// <summary>The first instant after the <see cref="To"/> day: publication is compared as an instant, by UTC day.</summary>
    public DateTimeOffset? PublishedBefore => To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    public DateTimeOffset? PublishedFrom => From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
}

/// <summary>Where the previous page of industry days ended (they run oldest day first, then industry id).</summary>
public sealed record IndustryDayPosition(DateOnly Day, string IndustryId);

/// <summary>Industry sentiment by UTC day of publication, for one industry or all, from every issuer-free text or only
/// those matched to one topic (what that topic moved); days inclusive, null: open.</summary>
public sealed record IndustryDayQuery(int Limit)
{
    public string? IndustryId { get; init; }
    public string? TopicId { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public IndustryDayPosition? After { get; init; }
}

/// <summary>
/// One industry on one day: Σ w·s / Σ |w| over the day's issuer-free texts scored for it — the industry day value of
/// <see cref="Indexing.IndustryDailyIndex"/> before its causal z-score, so industries keep their own news tone here.
/// </summary>
/// <param name="Weight">Σ |w| of the day's texts: how much news the value rests on.</param>
public sealed record IndustryDaySentiment(string IndustryId, DateOnly Day, double Score, double Weight, int TextCount);

/// <summary>Dead letters filtered by the stage that refused them and the reason code; null: any.</summary>
public sealed record DeadLetterQuery(int Limit)
{
    public string? Stage { get; init; }
    public string? ReasonCode { get; init; }
    public string? AfterId { get; init; }
}

/// <summary>A document and what was scored on it: the alert evidence a person opens.</summary>
public sealed record DocumentScores(NewsDocument Document, IReadOnlyList<FirmSentiment> FirmSentiments,
    IReadOnlyList<IndustrySentiment> IndustrySentiments);
