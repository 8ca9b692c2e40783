using System.Globalization;

namespace StreamRisk.Pipeline.Telemetry;

/// <summary>
/// Durations counted into fixed buckets, as a Prometheus histogram: cheap enough to record every batch (an array of
/// counters, no allocation), and the buckets let a scraper compute p50/p99 over any window.
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>Upper bounds in seconds: 1 ms to 10 s, roughly ×2.5 apart (a batch of the built-in models takes
    /// milliseconds, an ONNX batch on CPU tens to hundreds).</summary>
    public static IReadOnlyList<double> Bounds { get; } = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly long[] _counts = new long[Bounds.Count + 1];
    private long _sumMicros;

    public void Record(TimeSpan elapsed)
    {
        var seconds = elapsed.TotalSeconds;
        var bucket = 0;
        while (bucket < Bounds.Count && seconds > Bounds[bucket])
        {
            bucket++;
        }
        Interlocked.Increment(ref _counts[bucket]);
        Interlocked.Add(ref _sumMicros, (long)(elapsed.Ticks / 10));
    }

    public long Count => _counts.Sum(c => Interlocked.Read(ref c));

    /// <summary>The samples of one labelled series: cumulative <c>_bucket</c>s up to <c>+Inf</c>, <c>_sum</c> (seconds), <c>_count</c>.</summary>
    public IEnumerable<MetricSample> Samples(IReadOnlyList<(string Name, string Value)> labels)
    {
        long cumulative = 0;
        for (var i = 0; i <= Bounds.Count; i++)
        {
            cumulative += Interlocked.Read(ref _counts[i]);
            var le = i < Bounds.Count ? Bounds[i].ToString("R", CultureInfo.InvariantCulture) : "+Inf";
            yield return new MetricSample([.. labels, ("le", le)], cumulative, "_bucket");
        }
        yield return new MetricSample(labels, Interlocked.Read(ref _sumMicros) / 1e6, "_sum");
        yield return new MetricSample(labels, cumulative, "_count");
    }
}
