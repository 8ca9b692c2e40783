using StreamRisk.Core.Subscriptions;
using StreamRisk.Pipeline.Notifications;
using StreamRisk.Pipeline.Stages;
using StreamRisk.Pipeline.Telemetry;

namespace StreamRisk.Pipeline.Tests.Telemetry;

public sealed class PrometheusText_Render
{
    [Fact]
    public void Families_render_in_the_text_exposition_format()
    {
        var text = PrometheusText.Render(
        [
            new MetricFamily("streamrisk_dead_letters_total", "counter", "Dead letters by reason.",
                [new MetricSample([("reason", "too_late")], 2), new MetricSample([("reason", "oversize")], 1)]),
            new MetricFamily("streamrisk_stage_lag_messages", "gauge", "Waiting.", [MetricSample.Of(0.5)]),
        ]);

        Assert.Equal("""
            # HELP streamrisk_dead_letters_total Dead letters by reason.
            # TYPE streamrisk_dead_letters_total counter
            streamrisk_dead_letters_total{reason="too_late"} 2
            streamrisk_dead_letters_total{reason="oversize"} 1
            # HELP streamrisk_stage_lag_messages Waiting.
            # TYPE streamrisk_stage_lag_messages gauge
            streamrisk_stage_lag_messages 0.5

            """.Replace("\r\n", "\n", StringComparison.Ordinal), text);
    }

    [Fact]
    public void A_histogram_renders_cumulative_buckets_then_sum_and_count()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(TimeSpan.FromMilliseconds(3));
        histogram.Record(TimeSpan.FromMilliseconds(3));
        histogram.Record(TimeSpan.FromSeconds(20));

        var text = PrometheusText.Render([new MetricFamily("streamrisk_model_call_seconds", "histogram", "Model time.",
            histogram.Samples([("model", "firm_sentiment")]).ToList())]);

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("# TYPE streamrisk_model_call_seconds histogram", lines[1]);
        Assert.Equal("streamrisk_model_call_seconds_bucket{model=\"firm_sentiment\",le=\"0.001\"} 0", lines[2]);
        Assert.Contains("streamrisk_model_call_seconds_bucket{model=\"firm_sentiment\",le=\"0.005\"} 2", lines);
        Assert.Contains("streamrisk_model_call_seconds_bucket{model=\"firm_sentiment\",le=\"10\"} 2", lines);
        Assert.Contains("streamrisk_model_call_seconds_bucket{model=\"firm_sentiment\",le=\"+Inf\"} 3", lines);
        Assert.Equal("streamrisk_model_call_seconds_sum{model=\"firm_sentiment\"} 20.006", lines[^2]);
        Assert.Equal("streamrisk_model_call_seconds_count{model=\"firm_sentiment\"} 3", lines[^1]);
    }

    [Fact]
    public void A_suffix_outside_a_histogram_is_refused() =>
        Assert.Throws<ArgumentException>(() => PrometheusText.Render([new MetricFamily("m", "counter", "h", [new MetricSample([], 1, "_sum")])]));

    [Fact]
    public void Label_values_and_help_are_escaped()
    {
        var text = PrometheusText.Render([new MetricFamily("m", "gauge", "a\\b\nc", [new MetricSample([("l", "q\"\\\n")], double.NaN)])]);

        Assert.Contains("# HELP m a\\\\b\\nc\n", text, StringComparison.Ordinal);
        Assert.Contains("m{l=\"q\\\"\\\\\\n\"} NaN\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1metric", "counter", "l")]
    [InlineData("metric-name", "counter", "l")]
    [InlineData("metric", "summary", "l")]
    [InlineData("metric", "gauge", "bad:label")]
    public void Names_and_types_the_format_cannot_carry_are_refused(string name, string type, string label) =>
        Assert.Throws<ArgumentException>(() => PrometheusText.Render([new MetricFamily(name, type, "h", [new MetricSample([(label, "v")], 1)])]));

    [Fact]
    public void Pipeline_metrics_read_the_counters_at_collection_time()
    {
        var counters = new PipelineCounters();
        var webhooks = new WebhookCounters();
        var metrics = new PipelineMetrics { Counters = counters, Webhooks = webhooks, StageLags = () => [("ingest", 3)], FeedEntries = () => 7 };
        counters.DeadLettered("too_late");
        counters.Alert(2);
        counters.ModelCall("firm_sentiment", TimeSpan.FromMilliseconds(2), 40);
        counters.ModelCall("firm_sentiment", TimeSpan.FromMilliseconds(2), 2);
        counters.StageBatch("ingest", TimeSpan.FromMilliseconds(30));
        webhooks.Count(new DeliveryAttempt(1, DateTimeOffset.UnixEpoch, false, 500, "HTTP 500", DateTimeOffset.UnixEpoch));
        webhooks.Count(new DeliveryAttempt(1, DateTimeOffset.UnixEpoch, true, 200, null, null));

        var text = PrometheusText.Render(metrics.Collect());

        Assert.Contains("streamrisk_events_total{kind=\"alert\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("streamrisk_dead_letters_total{reason=\"too_late\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("streamrisk_stage_lag_messages{stage=\"ingest\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("streamrisk_feed_entries_total 7\n", text, StringComparison.Ordinal);
        Assert.Contains("streamrisk_webhook_attempts_total{outcome=\"retry\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("streamrisk_webhook_attempts_total{outcome=\"delivered\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("streamrisk_webhook_attempts_total{outcome=\"dead\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("streamrisk_model_texts_total{model=\"firm_sentiment\"} 42\n", text, StringComparison.Ordinal);
        Assert.Contains("streamrisk_model_call_seconds_count{model=\"firm_sentiment\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("streamrisk_stage_batch_seconds_bucket{stage=\"ingest\",le=\"0.025\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("streamrisk_stage_batch_seconds_bucket{stage=\"ingest\",le=\"0.05\"} 1\n", text, StringComparison.Ordinal);
    }
}
