using System.Collections.Concurrent;
using System.Diagnostics;
using StreamRisk.Pipeline.Running;
using StreamRisk.Pipeline.Stages;
using StreamRisk.Pipeline.Telemetry;

namespace StreamRisk.Pipeline.Tests.Telemetry;

/// <summary>With a listener on the pipeline's spans, every message a stage handles gets a span whose parent is the span
/// that produced the message, carried on the bus in <c>ce_traceparent</c>: an alert's trace goes back to its ingest.
/// The listener is process-wide, so the test runs alone: a pipeline of another test that started before the listener
/// was added would emit untraced scores, whose alerts then start traces of their own.</summary>
[Collection(TracingCollection.Name)]
public sealed class StageSpans_ParentChain
{
    [Fact]
    public async Task An_alert_span_has_its_score_aggregate_sentiment_enrich_and_ingest_spans_as_ancestors()
    {
        var spans = new ConcurrentDictionary<ActivitySpanId, Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == StageSpans.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span => spans[span.SpanId] = span,
        };
        ActivitySource.AddActivityListener(listener);

        var summary = await PipelineRun.RunAsync(new RunOptions { Inputs = [RepositoryPaths.Samples], OutDirectory = RepositoryPaths.NewTempDirectory() },
            null, CancellationToken.None);

        Assert.True(summary.Counters.Alerts > 0, "the sample corpus raises alerts");
        // Every alert span recorded must have a complete chain.
        var alerts = spans.Values.Where(s => s.OperationName == AlertStage.StageName).ToList();
        Assert.NotEmpty(alerts);
        var chains = alerts.Select(alert => Ancestry(alert, spans)).ToList();
        Assert.All(chains, chain => Assert.Contains(chain[^1].OperationName, new[] { IngestStage.StageName, ScoreStage.StageName }));
        Assert.Contains(chains, chain => chain.Select(s => s.OperationName).SequenceEqual(
            [AlertStage.StageName, ScoreStage.StageName, AggregateStage.StageName, FirmSentimentStage.StageName, EnrichStage.StageName, IngestStage.StageName]));
        // The alert stage's span is about the score it read.
        Assert.All(alerts, alert => Assert.Equal(Core.Events.Topics.RiskScores, alert.GetTagItem("messaging.destination.name")));
    }

    /// <summary>The span and its ancestors, nearest first, up to the root (a span without a parent).</summary>
    private static List<Activity> Ancestry(Activity span, IReadOnlyDictionary<ActivitySpanId, Activity> spans)
    {
        var chain = new List<Activity> { span };
        while (chain[^1].ParentSpanId != default)
        {
            Assert.True(spans.TryGetValue(chain[^1].ParentSpanId, out var parent), $"the parent of a {chain[^1].OperationName} span was never recorded");
            Assert.Equal(chain[^1].TraceId, parent.TraceId);
            chain.Add(parent);
        }
        return chain;
    }
}

/// <summary>Tests that listen to the pipeline's spans process-wide: run with no other test alongside.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TracingCollection
{
    public const string Name = "process-wide tracing";
}
