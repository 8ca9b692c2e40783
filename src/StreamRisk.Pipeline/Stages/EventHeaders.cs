using System.Globalization;

namespace StreamRisk.Pipeline.Stages;

/// <summary>
/// CloudEvents attributes carried as message headers (Kafka binding: <c>ce_*</c>), plus StreamRisk's own
/// <c>sr_*</c> headers: the arrival sequence of the input that caused the event, and when it entered the pipeline
/// (for end-to-end latency). A traced event also carries <c>ce_traceparent</c> (and <c>ce_tracestate</c>): the CloudEvents
/// distributed-tracing extension, W3C trace context of the span that produced it.
/// </summary>
public static class EventHeaders
{
    public const string Id = "ce_id";
    public const string Type = "ce_type";
    public const string Source = "ce_source";
    public const string Time = "ce_time";
    public const string SpecVersion = "ce_specversion";
    public const string ContentType = "content-type";
    public const string InputSeq = "sr_input_seq";
    public const string EnteredAt = "sr_entered_at";
    public const string TraceParent = "ce_traceparent";
    public const string TraceState = "ce_tracestate";

    public static Dictionary<string, string> For(string eventId, string topic, string stage, DateTimeOffset now, IReadOnlyDictionary<string, string>? cause)
    {
        var headers = new Dictionary<string, string>(8, StringComparer.Ordinal)
        {
            [Id] = eventId,
            [Type] = "dev.streamrisk." + topic,
            [Source] = "/streamrisk/" + stage,
            [Time] = now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            [SpecVersion] = "1.0",
            [ContentType] = "application/json",
        };
        if (cause is not null)
        {
            if (cause.TryGetValue(InputSeq, out var seq)) headers[InputSeq] = seq;
            if (cause.TryGetValue(EnteredAt, out var entered)) headers[EnteredAt] = entered;
            // Kept when this process does not trace, so that a later stage that does still joins the input's trace.
            if (cause.TryGetValue(TraceParent, out var parent)) headers[TraceParent] = parent;
            if (cause.TryGetValue(TraceState, out var state)) headers[TraceState] = state;
        }
        return headers;
    }

    /// <summary>Names <paramref name="span"/> as the parent of whatever consumes the event.</summary>
    public static void Traced(Dictionary<string, string> headers, System.Diagnostics.Activity span)
    {
        headers[TraceParent] = span.Id!;
        if (span.TraceStateString is { } state)
        {
            headers[TraceState] = state;
        }
        else
        {
            headers.Remove(TraceState);
        }
    }

    public static long? InputSequence(IReadOnlyDictionary<string, string> headers) =>
        headers.TryGetValue(InputSeq, out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    public static long? EnteredTimestamp(IReadOnlyDictionary<string, string> headers) =>
        headers.TryGetValue(EnteredAt, out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}
