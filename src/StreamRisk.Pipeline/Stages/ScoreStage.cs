using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Core.Ingest;
using StreamRisk.Core.Scoring;
using StreamRisk.Infrastructure.Schemas;

namespace StreamRisk.Pipeline.Stages;

/// <summary>
/// sentiment.daily.v1 + fundamentals.v1 + spreads.v1 → risk.scores.v1. Fundamentals and spreads arrive from outside,
/// so they are checked here (schema, known issuer) and kept for replay; each daily value is scored with the latest
/// spread and fundamentals known as of its day.
/// </summary>
/// <param name="market">Spreads and fundamentals already known (a restarted worker passes those of the store).</param>
public sealed class ScoreStage(StageContext context, BaselineRiskScorer scorer, IReadOnlySet<string> knownIssuers, MarketHistory? market = null)
    : PipelineStage(StageName, [Topics.DailySentiment, Topics.Fundamentals, Topics.Spreads], context)
{
    public const string StageName = "score";
    private readonly MarketHistory _market = market ?? new();

    protected override ValueTask ProcessAsync(IReadOnlyList<ConsumedMessage> batch, StageOutput output, CancellationToken cancellationToken)
    {
        foreach (var message in batch)
        {
            switch (message.Topic)
            {
                case Topics.Fundamentals:
                    KeepRawInput(output, message);
                    if (Admit<Fundamentals>(message, output, f => f.IssuerId) is { } fundamentals)
                    {
                        _market.Add(fundamentals);
                        output.Store.Fundamentals.Add(fundamentals);
                    }
                    break;
                case Topics.Spreads:
                    KeepRawInput(output, message);
                    if (Admit<SpreadObservation>(message, output, s => s.IssuerId) is { } spread)
                    {
                        _market.Add(spread);
                        output.Store.Spreads.Add(spread);
                    }
                    break;
                default:
                    var daily = EventJson.Deserialize<DailySentiment>(message.Value);
                    var score = scorer.Score(daily, _market.LatestSpread(daily.IssuerId, daily.Day), _market.LatestFundamentals(daily.IssuerId, daily.Day))
                        with { EvidenceDocIds = daily.TopDocIds };
                    output.Store.RiskScores.Add(score);
                    output.Emit(Topics.RiskScores, score.IssuerId, score.EventId, score, message);
                    Counters.Score();
                    break;
            }
        }
        return ValueTask.CompletedTask;
    }

    private T? Admit<T>(ConsumedMessage message, StageOutput output, Func<T, string> issuerOf) where T : class
    {
        var check = EventSchemas.Default.Check(message.Topic, message.Value);
        if (!check.IsValid)
        {
            var malformed = check.Errors.Count == 1 && check.Errors[0].StartsWith("malformed JSON", StringComparison.Ordinal);
            DeadLetter(output, message, malformed ? Rejection.MalformedJson : Rejection.SchemaViolation, check.Describe());
            return null;
        }
        var value = EventJson.Deserialize<T>(message.Value);
        var issuer = issuerOf(value);
        if (!knownIssuers.Contains(issuer))
        {
            DeadLetter(output, message, Rejection.UnknownIssuer, $"issuer_id '{issuer}' is not in the issuer list; add it to issuers.csv or fix the id");
            return null;
        }
        return value;
    }
}
