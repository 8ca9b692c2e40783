using System.Diagnostics;
using StreamRisk.Core.Events;
using StreamRisk.Tests.Shared.Kafka;

namespace StreamRisk.Bench.Kafka;

/// <summary>
/// Documents per second through a consumer set (the relay, or the pipeline's stages) on a fresh mock cluster.
/// A warm-up lot first makes every consumer join its group and JIT-compiles the path; the loops then stop, the
/// measured lot is pre-loaded into news.raw.v1, and the clock runs from restarting the loops until all of it is through.
/// </summary>
public static class KafkaThroughput
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public sealed record Result(int Documents, TimeSpan Elapsed)
    {
        public double DocsPerSecond => Documents / Elapsed.TotalSeconds;
    }

    /// <summary>The pipeline's hops, each a no-op relay on its own task: news.raw.v1 → docs.v1 → mentions.v1 →
    /// sentiment.firm.v1 (one message per message; the pipeline's firm stage emits one per issuer named).</summary>
    private static readonly (string From, string To)[] PipelineHops =
        [(Topics.NewsRaw, Topics.Docs), (Topics.Docs, Topics.Mentions), (Topics.Mentions, Topics.FirmSentiment)];

    /// <param name="hops">1: news.raw.v1 → docs.v1 only; 3: the same topics and partitions as the pipeline.</param>
    public static async Task<Result> RelayAsync(BenchCorpus corpus, int warmUp, int documents, int batchSize, int hops = 3)
    {
        using var cluster = new MockKafkaCluster();
        await using var bus = BenchBus.Create(cluster);
        var relays = PipelineHops.Take(hops).Select(h => new NoOpRelay(bus, h.From, h.To)).ToArray();
        var loops = relays.Select(r => new PumpLoop("relay", () => r.PumpAsync(batchSize, TimeSpan.FromMilliseconds(200)))).ToArray();
        await using var feed = new RawNewsFeed(corpus, bus.CreateProducer());
        try
        {
            return await MeasureAsync(feed, warmUp, documents,
                start: () => { foreach (var l in loops) l.Start(); },
                stop: async () => { foreach (var l in loops) await l.StopAsync().ConfigureAwait(false); },
                done: inputs => loops[^1].Handled >= inputs).ConfigureAwait(false);
        }
        finally
        {
            foreach (var r in relays) await r.DisposeAsync().ConfigureAwait(false);
        }
    }

    public static async Task<Result> PipelineAsync(BenchCorpus corpus, int warmUp, int documents, int batchSize, bool discardStoreWrites)
    {
        using var cluster = new MockKafkaCluster();
        await using var bus = BenchBus.Create(cluster);
        await using var pipeline = await KafkaPipeline.CreateAsync(bus, corpus, discardStoreWrites, batchSize).ConfigureAwait(false);
        await using var feed = new RawNewsFeed(corpus, bus.CreateProducer());
        return await MeasureAsync(feed, warmUp, documents,
            start: pipeline.Start, stop: pipeline.StopAsync, done: pipeline.HasProcessed).ConfigureAwait(false);
    }

    private static async Task<Result> MeasureAsync(RawNewsFeed feed, int warmUp, int documents, Action start, Func<Task> stop, Func<int, bool> done)
    {
        feed.Publish(warmUp);
        await feed.DeliveredAsync().ConfigureAwait(false);
        start();
        await WaitAsync(() => done(warmUp)).ConfigureAwait(false);
        await stop().ConfigureAwait(false);

        feed.Publish(documents);
        await feed.DeliveredAsync().ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        start();
        await WaitAsync(() => done(warmUp + documents)).ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        await stop().ConfigureAwait(false);
        return new Result(documents, elapsed);
    }

    internal static async Task WaitAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Timeout) throw new TimeoutException($"not done after {Timeout.TotalMinutes} minutes");
            await Task.Delay(2).ConfigureAwait(false);
        }
    }
}
