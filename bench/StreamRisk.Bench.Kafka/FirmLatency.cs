using System.Diagnostics;
using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Tests.Shared.Kafka;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Bench.Kafka;

/// <summary>
/// End-to-end latency at a fixed input rate: from the produce of a raw text (its <c>sr_entered_at</c> header) to the
/// produce of each firm-sentiment event it caused (the event's Kafka create time), with the stages running freely
/// as workers and a SQLite store. Both instants come from this process's clocks; the create time has millisecond
/// resolution.
/// </summary>
public static class FirmLatency
{
    public sealed record Result(double AchievedRate, int Events, double P50Ms, double P99Ms, double MaxMs);

    public static async Task<Result> MeasureAsync(BenchCorpus corpus, int warmUp, int rate, TimeSpan duration, int batchSize)
    {
        using var cluster = new MockKafkaCluster();
        await using var bus = BenchBus.Create(cluster);
        await using var pipeline = await KafkaPipeline.CreateAsync(bus, corpus, discardStoreWrites: false, batchSize).ConfigureAwait(false);
        await using var feed = new RawNewsFeed(corpus, bus.CreateProducer());
        await using var observer = bus.CreateConsumer("bench-latency", [Topics.FirmSentiment]);

        // Stopwatch ticks (sr_entered_at) mapped onto the wall clock the producer stamps create times with.
        var wallAtStart = DateTimeOffset.UtcNow;
        var ticksAtStart = Stopwatch.GetTimestamp();
        var latencies = new List<double>();
        long seen = 0;
        var measuredFrom = long.MaxValue;
        var observing = new PumpLoop("latency observer", async () =>
        {
            var batch = await observer.ConsumeAsync(batchSize, TimeSpan.FromMilliseconds(200)).ConfigureAwait(false);
            foreach (var m in batch)
            {
                if (EventHeaders.EnteredTimestamp(m.Headers) is { } entered && EventHeaders.InputSequence(m.Headers) is { } seq && seq >= Volatile.Read(ref measuredFrom))
                {
                    var enteredWall = wallAtStart + Stopwatch.GetElapsedTime(ticksAtStart, entered);
                    lock (latencies) latencies.Add((m.Timestamp - enteredWall).TotalMilliseconds);
                }
            }
            Interlocked.Add(ref seen, batch.Count);
            return batch.Count;
        });

        feed.Publish(warmUp);
        await feed.DeliveredAsync().ConfigureAwait(false);
        pipeline.Start();
        observing.Start();
        await KafkaThroughput.WaitAsync(() => pipeline.HasProcessed(warmUp) && Interlocked.Read(ref seen) >= pipeline.Counters.FirmSentiments).ConfigureAwait(false);

        // Input sequence numbers start at 1: the first measured text is number warmUp + 1.
        Volatile.Write(ref measuredFrom, warmUp + 1);
        var clock = Stopwatch.StartNew();
        var fed = 0;
        while (clock.Elapsed < duration)
        {
            var due = (int)(clock.Elapsed.TotalSeconds * rate);
            if (due > fed)
            {
                feed.Publish(due - fed);
                fed = due;
            }
            await Task.Delay(1).ConfigureAwait(false);
        }
        var achievedRate = fed / clock.Elapsed.TotalSeconds;
        await feed.DeliveredAsync().ConfigureAwait(false);
        await KafkaThroughput.WaitAsync(() => pipeline.HasProcessed(warmUp + fed) && Interlocked.Read(ref seen) >= pipeline.Counters.FirmSentiments).ConfigureAwait(false);
        await observing.StopAsync().ConfigureAwait(false);
        await pipeline.StopAsync().ConfigureAwait(false);

        latencies.Sort();
        if (latencies.Count == 0) throw new InvalidOperationException("no firm-sentiment event was observed");
        double At(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        return new Result(achievedRate, latencies.Count, At(0.50), At(0.99), latencies[^1]);
    }
}
