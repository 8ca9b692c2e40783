using System.Diagnostics;
using StreamRisk.Core.Bus;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Telemetry;

/// <summary>
/// One span per message a stage handles, child of the span that produced the message (its <c>ce_traceparent</c>
/// header, the CloudEvents distributed-tracing extension), so a trace runs ingest → enrich → sentiment → aggregate →
/// score → alert across the bus, in one process or many. A stage handles a batch at once, so each message's span lasts
/// as long as its batch. Costs nothing when nobody listens (no exporter configured, no test listener).
/// </summary>
public sealed class StageSpans : IDisposable
{
    public const string SourceName = "StreamRisk.Pipeline";

    /// <summary>The pipeline's spans; an exporter subscribes to it by <see cref="SourceName"/>.</summary>
    public static readonly ActivitySource Source = new(SourceName);

    private readonly Dictionary<ConsumedMessage, Activity> _spans;

    private StageSpans(Dictionary<ConsumedMessage, Activity> spans) => _spans = spans;

    /// <returns>Null when no listener wants the pipeline's spans.</returns>
    public static StageSpans? Start(string stage, IReadOnlyList<ConsumedMessage> batch)
    {
        if (!Source.HasListeners())
        {
            return null;
        }
        var spans = new Dictionary<ConsumedMessage, Activity>(batch.Count, ReferenceEqualityComparer.Instance);
        foreach (var message in batch)
        {
            // No ambient parent: each message's span hangs off its own producer's, or starts a trace (the ingest of an input).
            Activity.Current = null;
            var parent = message.Headers.TryGetValue(EventHeaders.TraceParent, out var traceParent)
                && ActivityContext.TryParse(traceParent, message.Headers.GetValueOrDefault(EventHeaders.TraceState), isRemote: true, out var context)
                ? context : default;
            var span = Source.StartActivity(stage, ActivityKind.Consumer, parent);
            if (span is null)
            {
                continue;
            }
            span.SetTag("messaging.system", "streamrisk");
            span.SetTag("messaging.operation.type", "process");
            span.SetTag("messaging.destination.name", message.Topic);
            span.SetTag("messaging.destination.partition.id", message.Partition);
            span.SetTag("messaging.kafka.offset", message.Offset);
            span.SetTag("messaging.message.id", message.Headers.GetValueOrDefault(EventHeaders.Id));
            span.SetTag("streamrisk.stage", stage);
            spans[message] = span;
        }
        Activity.Current = null;
        return spans.Count == 0 ? null : new StageSpans(spans);
    }

    /// <summary>The span of the message that caused an event: its context goes on the event as the next span's parent.</summary>
    public Activity? Of(ConsumedMessage? cause) => cause is not null && _spans.TryGetValue(cause, out var span) ? span : null;

    /// <summary>Marks every span failed (the batch will be delivered again, with new spans).</summary>
    public void Failed(Exception error)
    {
        foreach (var span in _spans.Values)
        {
            span.SetStatus(ActivityStatusCode.Error, error.Message);
        }
    }

    public void Dispose()
    {
        foreach (var span in _spans.Values)
        {
            span.Dispose();
        }
    }
}
