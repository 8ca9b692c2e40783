using System.Diagnostics;

namespace StreamRisk.Bench;

/// <summary>Documents per second through ingest → enrich → firm sentiment on the embedded bus, as `run` drives them.</summary>
public static class EmbeddedThroughput
{
    public sealed record Result(int Documents, double DocsPerSecond, double DocsPerSecondNoStore);

    public static async Task<Result> MeasureAsync(BenchCorpus corpus, int documents)
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var inputs = Enumerable.Range(0, documents).Select(i => corpus.Document(i, start)).ToArray();
        await RunAsync(corpus, inputs.Take(Math.Min(2_000, documents)).ToArray(), discard: false); // JIT warm-up
        var withStore = await RunAsync(corpus, inputs, discard: false);
        var noStore = await RunAsync(corpus, inputs, discard: true);
        return new Result(documents, documents / withStore.TotalSeconds, documents / noStore.TotalSeconds);
    }

    private static async Task<TimeSpan> RunAsync(BenchCorpus corpus, byte[][] inputs, bool discard)
    {
        await using var pipeline = await BenchPipeline.CreateAsync(corpus, stageCount: 3, discard);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < inputs.Length; i++)
        {
            pipeline.Offer(inputs[i], "bench-" + i);
            if ((i + 1) % 1024 == 0) await pipeline.StepAsync();
        }
        await pipeline.StepAsync();
        return stopwatch.Elapsed;
    }
}
