using System.Diagnostics;

namespace StreamRisk.Bench;

/// <summary>
/// Ingest → alert latency at a fixed input rate: texts are published as their time comes, and each one's latency is
/// the time from its publication until every stage, the alert stage last, has processed everything it caused.
/// </summary>
public static class EndToEndLatency
{
    public sealed record Result(double AchievedRate, double P50Ms, double P99Ms, double MaxMs);

    public static async Task<Result> MeasureAsync(BenchCorpus corpus, int rate, TimeSpan duration)
    {
        await using var pipeline = await BenchPipeline.CreateAsync(corpus, stageCount: int.MaxValue, discardStoreWrites: false);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var latencies = new List<double>();
        var pending = new List<long>();
        var clock = Stopwatch.StartNew();
        var fed = 0;
        while (clock.Elapsed < duration)
        {
            var due = (int)(clock.Elapsed.TotalSeconds * rate);
            while (fed < due)
            {
                pending.Add(Stopwatch.GetTimestamp());
                pipeline.Offer(corpus.Document(fed, start), "bench-" + fed);
                fed++;
            }
            if (pending.Count > 0)
            {
                await pipeline.StepAsync();
                var done = Stopwatch.GetTimestamp();
                foreach (var t in pending) latencies.Add(Stopwatch.GetElapsedTime(t, done).TotalMilliseconds);
                pending.Clear();
            }
            else
            {
                await Task.Delay(1);
            }
        }
        latencies.Sort();
        double At(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        return new Result(fed / clock.Elapsed.TotalSeconds, At(0.50), At(0.99), latencies[^1]);
    }
}
