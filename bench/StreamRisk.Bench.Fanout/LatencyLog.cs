using System.Collections.Concurrent;
using System.Diagnostics;

namespace StreamRisk.Bench.Fanout;

/// <summary>When each alert was produced, and how long each delivery of it took to reach a client.</summary>
internal sealed class LatencyLog
{
    private readonly ConcurrentDictionary<string, long> _produced = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<double> _sse = [];
    private readonly ConcurrentBag<double> _webhook = [];
    private int _unknown;

    public void Produced(string eventId) => _produced[eventId] = Stopwatch.GetTimestamp();

    public void Sse(string eventId) => Record(eventId, _sse);

    public void Webhook(string eventId) => Record(eventId, _webhook);

    public int SseCount => _sse.Count;
    public int WebhookCount => _webhook.Count;

    /// <summary>Deliveries of an event this run did not produce (would mean a bug in the bench or the path).</summary>
    public int Unknown => Volatile.Read(ref _unknown);

    public double[] SseMs() => [.. _sse.Order()];
    public double[] WebhookMs() => [.. _webhook.Order()];

    private void Record(string eventId, ConcurrentBag<double> into)
    {
        if (_produced.TryGetValue(eventId, out var at))
        {
            into.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
        }
        else
        {
            Interlocked.Increment(ref _unknown);
        }
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
