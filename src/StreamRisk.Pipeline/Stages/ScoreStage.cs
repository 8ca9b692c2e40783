using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Core.Ingest;
using StreamRisk.Core.Scoring;
using StreamRisk.RiskModels.Forecasting;

namespace StreamRisk.Pipeline.Stages;

/// <summary>
/// sentiment.daily.v1 + fundamentals.v1 + spreads.v1 → risk.scores.v1. Fundamentals and spreads arrive from outside,
/// so they are checked here (schema, known issuer) and kept for replay; each daily value is scored with the latest
/// spread and fundamentals as of its day. A spread or statement that arrives after days it applies to were scored
/// scores those days again (their daily values read from the store), so a day's final score does not depend on
/// whether its market data came before or after its news.
/// With a trained spread model (<c>--spread-model</c>), every score also carries that model's spread forecast and its
/// interval, refreshed whenever the issuer's index, spread or fundamentals change (the same re-scoring).
/// With a trained class model (<c>--risk-model</c>) the class probabilities are that model's, from the issuer's statements
/// and disclosures as known on the day; the stage then also reads mentions.v1 for the issuers' disclosures, and a
/// disclosure that arrives after days it applies to were scored scores them again, as a late statement does.
/// </summary>
/// <param name="market">Spreads and fundamentals already known (a restarted worker passes those of the store).</param>
/// <param name="spreadModel">A trained spread forecaster, or null for <c>baseline-v1</c> alone.</param>
/// <param name="classModel">A trained default-class model, or null for <c>baseline-v1</c>'s probabilities.</param>
public sealed class ScoreStage(StageContext context, BaselineRiskScorer scorer, IReadOnlySet<string> knownIssuers, MarketHistory? market = null,
    SpreadForecastModel? spreadModel = null, ClassModelServing? classModel = null)
    : PipelineStage(StageName, classModel is null
        ? [Topics.DailySentiment, Topics.Fundamentals, Topics.Spreads]
        : [Topics.DailySentiment, Topics.Fundamentals, Topics.Spreads, Topics.Mentions], context)
{
    public const string StageName = "score";
    private readonly MarketHistory _market = market ?? new();
    private readonly LiveSpreadInputs? _live = spreadModel is null ? null : Seed(new LiveSpreadInputs(spreadModel.Window), market);

    protected override async ValueTask ProcessAsync(IReadOnlyList<ConsumedMessage> batch, StageOutput output, CancellationToken cancellationToken)
    {
        // Days whose market inputs this batch changed, per issuer: scored again after the batch's own messages.
        var marketChanged = new Dictionary<string, (DateOnly From, DateOnly? To, ConsumedMessage Cause)>(StringComparer.Ordinal);
        foreach (var message in batch)
        {
            switch (message.Topic)
            {
                case Topics.Fundamentals:
                    KeepRawInput(output, message);
                    if (Admit<Fundamentals>(message, output, f => f.IssuerId) is { } fundamentals)
                    {
                        _market.Add(fundamentals);
                        _live?.Add(fundamentals);
                        classModel?.Inputs.Add(fundamentals);
                        output.Store.Fundamentals.Add(fundamentals);
                        Widen(marketChanged, fundamentals.IssuerId, _market.DaysUsing(fundamentals), message);
                    }
                    break;
                case Topics.Spreads:
                    KeepRawInput(output, message);
                    if (Admit<SpreadObservation>(message, output, s => s.IssuerId) is { } spread)
                    {
                        _market.Add(spread);
                        _live?.Add(spread);
                        output.Store.Spreads.Add(spread);
                        Widen(marketChanged, spread.IssuerId, _market.DaysUsing(spread), message);
                    }
                    break;
                case Topics.Mentions:
                    var enriched = EventJson.Deserialize<EnrichedDocument>(message.Value);
                    var issuers = enriched.Mentions.Select(m => m.IssuerId).Distinct(StringComparer.Ordinal).ToList();
                    if (classModel is not null && classModel.Inputs.Add(enriched.Document, issuers))
                    {
                        var published = DateOnly.FromDateTime(enriched.Document.PublishedAt.UtcDateTime);
                        foreach (var issuerId in issuers) Widen(marketChanged, issuerId, (published, null), message);
                    }
                    break;
                default:
                    var daily = EventJson.Deserialize<DailySentiment>(message.Value);
                    await RememberIndexAsync(daily, cancellationToken).ConfigureAwait(false);
                    Score(output, daily, message);
                    _scoredThrough[daily.IssuerId] = _scoredThrough.TryGetValue(daily.IssuerId, out var through) && through > daily.Day ? through : daily.Day;
                    break;
            }
        }
        foreach (var (issuerId, (from, to, cause)) in marketChanged.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            // Only days this instance has scored can carry a stale score; after a restart it does not know, so it asks.
            var end = _scoredThrough.TryGetValue(issuerId, out var through) ? (to is { } t && t < through ? t : through) : to;
            if (end is { } last && last < from)
            {
                continue;
            }
            foreach (var daily in await Store.GetDailySentimentAsync(issuerId, from, end, cancellationToken).ConfigureAwait(false))
            {
                await RememberIndexAsync(daily, cancellationToken).ConfigureAwait(false);
                Score(output, daily, cause);
            }
        }
    }

    private readonly Dictionary<string, DateOnly> _scoredThrough = new(StringComparer.Ordinal);

    private void Score(StageOutput output, DailySentiment daily, ConsumedMessage cause)
    {
        var score = scorer.Score(daily, _market.LatestSpread(daily.IssuerId, daily.Day), _market.LatestFundamentals(daily.IssuerId, daily.Day))
            with { EvidenceDocIds = daily.TopDocIds };
        if (spreadModel is not null && _live!.SeriesAsOf(daily.IssuerId, daily.Day) is { } series)
        {
            score = score with { SpreadForecast = spreadModel.Forecast(series).ToEvent() };
        }
        if (classModel is not null)
        {
            score = classModel.Apply(score, Counters);
        }
        output.Store.RiskScores.Add(score);
        output.Emit(Topics.RiskScores, score.IssuerId, score.EventId, score, cause);
        Counters.Score();
    }

    /// <summary>Keeps the daily value for the spread model; an issuer this instance has not seen yet first gets its recent
    /// stored values (a restarted stage would otherwise forecast from an index that starts at its restart).</summary>
    private async ValueTask RememberIndexAsync(DailySentiment daily, CancellationToken cancellationToken)
    {
        if (_live is null) return;
        if (!_live.HasIndex(daily.IssuerId))
        {
            foreach (var stored in await Store.GetDailySentimentAsync(daily.IssuerId, daily.Day.AddDays(-90), daily.Day, cancellationToken).ConfigureAwait(false))
            {
                _live.Add(stored);
            }
        }
        _live.Add(daily);
    }

    private static LiveSpreadInputs Seed(LiveSpreadInputs live, MarketHistory? market)
    {
        market?.CopyTo(live.Add, live.Add);
        return live;
    }

    private static void Widen(Dictionary<string, (DateOnly From, DateOnly? To, ConsumedMessage Cause)> changed, string issuerId,
        (DateOnly From, DateOnly? To) days, ConsumedMessage cause)
    {
        if (days.To is { } to && to < days.From)
        {
            return;
        }
        if (changed.TryGetValue(issuerId, out var held))
        {
            var from = held.From < days.From ? held.From : days.From;
            DateOnly? end = held.To is { } a && days.To is { } b ? (a > b ? a : b) : null;
            changed[issuerId] = (from, end, cause);
        }
        else
        {
            changed[issuerId] = (days.From, days.To, cause);
        }
    }

    private T? Admit<T>(ConsumedMessage message, StageOutput output, Func<T, string> issuerOf) where T : class
    {
        if (ExternalInput.Check(message.Topic, message.Value, InputLimits.MaxRecordBytes) is { } refused)
        {
            DeadLetter(output, refused.Original(message), refused.Code, refused.Reason, refused.ErrorType);
            return null;
        }
        if (ExternalInput.Parse<T>(message.Topic, message.Value, out var failed) is not { } value)
        {
            DeadLetter(output, message, failed!.Value.Code, failed.Value.Reason, failed.Value.ErrorType);
            return null;
        }
        var issuer = issuerOf(value);
        if (!knownIssuers.Contains(issuer))
        {
            DeadLetter(output, message, Rejection.UnknownIssuer, $"issuer_id '{issuer}' is not in the issuer list; add it to issuers.csv or fix the id");
            return null;
        }
        return value;
    }
}
