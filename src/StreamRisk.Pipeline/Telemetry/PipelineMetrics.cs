using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Telemetry;

/// <summary>
/// The pipeline's counters as Prometheus metric families, read at scrape time: throughput per kind of event (alerts
/// included), dead letters by reason, time per stage batch and per model call, stage lag, feed entries and webhook
/// outcomes. Each source is optional: <c>serve</c> over a store without a running pipeline has no stages to report.
/// </summary>
public sealed class PipelineMetrics
{
    public PipelineCounters? Counters { get; init; }

    /// <summary>Messages waiting per stage, read when scraped.</summary>
    public Func<IReadOnlyList<(string Stage, long Lag)>>? StageLags { get; init; }

    public Notifications.WebhookCounters? Webhooks { get; init; }

    public Func<long>? FeedEntries { get; init; }

    public IReadOnlyList<MetricFamily> Collect()
    {
        var families = new List<MetricFamily>();
        if (Counters is { } c)
        {
            families.Add(new MetricFamily("streamrisk_events_total", "counter", "Events produced by the pipeline, by kind.",
            [
                Kind("input", c.Inputs), Kind("document", c.Documents), Kind("duplicate", c.Duplicates), Kind("mention", c.Mentions),
                Kind("firm_sentiment", c.FirmSentiments), Kind("industry_sentiment", c.IndustrySentiments),
                Kind("daily_index", c.DailyValues), Kind("risk_score", c.RiskScores), Kind("alert", c.Alerts),
            ]));
            families.Add(new MetricFamily("streamrisk_dead_letters_total", "counter", "Inputs and events sent to dlq.v1, by reason code.",
                c.DeadLettersByReason.Select(kv => new MetricSample([("reason", kv.Key)], kv.Value)).ToList()));
            families.Add(new MetricFamily("streamrisk_redelivered_total", "counter", "Inputs a stage recognised as already applied.",
                [MetricSample.Of(c.Redelivered)]));
            families.Add(new MetricFamily("streamrisk_stage_batch_seconds", "histogram",
                "Time a stage took over one batch of input: processing, storing and publishing.",
                c.StageBatches.SelectMany(kv => kv.Value.Samples([("stage", kv.Key)])).ToList()));
            families.Add(new MetricFamily("streamrisk_model_call_seconds", "histogram",
                "Time one call of a model took (the firm model takes a stage's whole batch, the other text models one text, a class model one issuer).",
                c.ModelCalls.SelectMany(kv => kv.Value.Samples([("model", kv.Key)])).ToList()));
            families.Add(new MetricFamily("streamrisk_model_texts_total", "counter", "Texts given to each text model.",
                c.ModelTexts.Select(kv => new MetricSample([("model", kv.Key)], kv.Value)).ToList()));
            families.Add(new MetricFamily("streamrisk_industry_llm_texts_total", "counter",
                "Issuer-free texts sent to a configured LLM (--industry-model gguf:/openai:), by outcome: answered validly, or taken over by the built-in scorer after two invalid answers or because the backend was unavailable.",
            [
                new MetricSample([("outcome", "answered")], c.IndustryLlmAnswers),
                new MetricSample([("outcome", "fallback_invalid")], c.IndustryLlmInvalidFallbacks),
                new MetricSample([("outcome", "fallback_unavailable")], c.IndustryLlmUnavailableFallbacks),
            ]));
            families.Add(new MetricFamily("streamrisk_shadow_scores_total", "counter",
                "Risk scores the shadow class model (--risk-model-shadow) also scored, and those where it chose another class.",
                [new MetricSample([("outcome", "scored")], c.ShadowScores), new MetricSample([("outcome", "disagreed")], c.ShadowDisagreements)]));
        }
        if (StageLags is { } lags)
        {
            families.Add(new MetricFamily("streamrisk_stage_lag_messages", "gauge", "Messages waiting for each stage on its input topics.",
                lags().Select(l => new MetricSample([("stage", l.Stage)], l.Lag)).ToList()));
        }
        if (FeedEntries is { } feed)
        {
            families.Add(new MetricFamily("streamrisk_feed_entries_total", "counter", "Events appended to teams' feeds by this process.",
                [MetricSample.Of(feed())]));
        }
        if (Webhooks is { } w)
        {
            families.Add(new MetricFamily("streamrisk_webhook_attempts_total", "counter", "Webhook delivery attempts, by outcome.",
            [
                new MetricSample([("outcome", "delivered")], w.Delivered),
                new MetricSample([("outcome", "retry")], w.Retried),
                new MetricSample([("outcome", "dead")], w.Dead),
            ]));
        }
        return families;
    }

    private static MetricSample Kind(string kind, long value) => new([("kind", kind)], value);
}
