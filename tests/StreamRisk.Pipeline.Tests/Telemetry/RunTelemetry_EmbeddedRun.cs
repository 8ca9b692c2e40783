using StreamRisk.Pipeline.Hosting;
using StreamRisk.Pipeline.Running;
using StreamRisk.Pipeline.Stages;
using StreamRisk.Pipeline.Telemetry;

namespace StreamRisk.Pipeline.Tests.Telemetry;

/// <summary>An embedded run given a <see cref="RunTelemetry"/> counts into it while it runs (what <c>live</c>'s /metrics reads).</summary>
public sealed class RunTelemetry_EmbeddedRun
{
    [Fact]
    public async Task The_run_counts_events_stage_batches_and_model_calls_into_the_telemetry_it_is_given()
    {
        var telemetry = new RunTelemetry();
        Assert.Empty(telemetry.StageLags());

        var summary = await PipelineRun.RunAsync(new RunOptions { Inputs = [RepositoryPaths.Samples], OutDirectory = RepositoryPaths.NewTempDirectory(), Telemetry = telemetry },
            null, CancellationToken.None);

        var counters = telemetry.Counters;
        Assert.True(counters.Inputs > 0);
        Assert.Same(counters, summary.Counters);
        Assert.True(counters.DeadLetters > 0, "the sample corpus holds broken lines");
        Assert.Equal(StageNames.Each, telemetry.StageLags().Select(l => l.Stage));
        Assert.All(telemetry.StageLags(), l => Assert.True(l.Lag >= 0));
        Assert.True(counters.StageBatches[IngestStage.StageName].Count > 0);
        Assert.True(counters.ModelCalls["firm_sentiment"].Count > 0);
        Assert.Equal(counters.FirmSentiments, counters.ModelTexts["firm_sentiment"]);

        var text = PrometheusText.Render(new PipelineMetrics { Counters = counters, StageLags = telemetry.StageLags }.Collect());
        Assert.Contains($"streamrisk_events_total{{kind=\"input\"}} {counters.Inputs}\n", text, StringComparison.Ordinal);
        Assert.Contains("streamrisk_stage_lag_messages{stage=\"ingest\"} ", text, StringComparison.Ordinal);
        Assert.Contains("streamrisk_model_call_seconds_bucket{model=\"firm_sentiment\",le=\"+Inf\"} ", text, StringComparison.Ordinal);
    }
}
