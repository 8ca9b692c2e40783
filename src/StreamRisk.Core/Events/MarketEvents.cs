namespace StreamRisk.Core.Events;

/// <summary><c>fundamentals.v1</c>: one issuer's quarterly financial indicators as disclosed. Keyed by issuer id.</summary>
public sealed record Fundamentals(
    string IssuerId,
    DateOnly PeriodEnd,
    DateTimeOffset PublishedAt,
    IReadOnlyDictionary<string, double> Indicators);

/// <summary><c>spreads.v1</c>: an issuer's credit spread (basis points over the risk-free curve) on a day. Keyed by issuer id.</summary>
public sealed record SpreadObservation(string IssuerId, DateOnly Day, double SpreadBps);

/// <summary>The three credit states of EMDLOT.</summary>
public enum RiskClass { Performing, Extended, Defaulted }

/// <summary><c>risk.scores.v1</c>: the live credit view of one issuer. Keyed by issuer id.</summary>
public sealed record RiskScore(
    string EventId,
    string IssuerId,
    DateOnly AsOf,
    int Revision,
    double IndexValue,
    double? LastSpreadBps,
    double SpreadChangeForecastBps,
    int HorizonDays,
    double PPerforming,
    double PExtended,
    double PDefaulted,
    RiskClass RiskClass,
    string Model)
{
    /// <summary>The texts that moved the index that day (the daily value's top documents): the alert's evidence.</summary>
    public IReadOnlyList<string> EvidenceDocIds { get; init; } = [];

    /// <summary>The trained spread model's forecast, when the score stage serves one; absent otherwise (and not stored).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public SpreadForecastView? SpreadForecast { get; init; }

    /// <summary>Why the trained class model (<c>--risk-model</c>) scored as it did; absent with <c>baseline-v1</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public RiskClassExplanation? ClassExplanation { get; init; }

    /// <summary>The shadow model's probabilities for the same inputs (<c>--risk-model-shadow</c>); absent otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ShadowRiskScore? Shadow { get; init; }
}

/// <summary><c>risk.alerts.v1</c>: something a person or service should be told. Keyed by issuer id.</summary>
/// <param name="AlertId"><c>issuer:rule:yyyy-MM-dd</c>: one alert per issuer, rule and day, whatever its revisions.</param>
/// <param name="Rule"><c>threshold_crossing</c>, <c>jump</c> or <c>class_change</c>.</param>
/// <param name="Revision">0 when first raised; each update (the day's value was revised) or retraction adds one.</param>
/// <param name="Status"><c>active</c>, or <c>retracted</c> when a revised value no longer meets the rule.</param>
public sealed record RiskAlert(
    string AlertId,
    string IssuerId,
    DateOnly AsOf,
    string Rule,
    string Severity,
    string Message,
    double Value,
    double? Threshold,
    IReadOnlyList<string> EvidenceDocIds,
    int Revision = 0,
    string Status = RiskAlert.Active)
{
    public const string Active = "active";
    public const string Retracted = "retracted";

    /// <summary>The id of this version on the bus: the alert id and its revision (derived, not sent).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string EventId => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{AlertId}:r{Revision}");
}

/// <summary><c>dlq.v1</c>: an input that could not be processed, with the original bytes. Keyed by source key.</summary>
/// <param name="ReasonCode">Stable machine-readable reason, e.g. <c>malformed_json</c>, <c>schema_violation</c>,
/// <c>invalid_unicode</c>, <c>oversize</c> (the codes are listed in <see cref="Ingest.Rejection"/> and README's Input section).</param>
public sealed record DeadLetter(
    string DeadLetterId,
    string SourceTopic,
    int Partition,
    long Offset,
    string Stage,
    string ReasonCode,
    string Reason,
    string? ErrorType,
    string OriginalBase64);

/// <summary>A trained model's spread forecast h trading days ahead, with its prediction interval (bps).</summary>
public sealed record SpreadForecastPoint(int HorizonDays, double SpreadBps, double LowerBps, double UpperBps);

/// <summary>
/// The trained spread forecast carried by a <see cref="RiskScore"/> when the score stage serves one
/// (<c>--spread-model</c>): the model's version and the dates of the inputs it read.
/// </summary>
/// <param name="SpreadDay">Day of the latest spread in the window (the forecast origin).</param>
/// <param name="IndexDay">Day of the daily index value the origin row carries (null: none yet).</param>
/// <param name="StatementDay">Period end of the latest statement published by then (null: none).</param>
public sealed record SpreadForecastView(
    string Model,
    DateOnly SpreadDay,
    DateOnly? IndexDay,
    DateOnly? StatementDay,
    IReadOnlyList<SpreadForecastPoint> Horizons);
