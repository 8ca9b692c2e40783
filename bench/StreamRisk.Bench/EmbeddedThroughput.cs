using System.Diagnostics;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Bench;

/// <summary>Documents per second through ingest → enrich → firm sentiment on the embedded bus, as `run` drives them.</summary>
public static class EmbeddedThroughput
{
    public sealed record Result(int Documents, double DocsPerSecond, double DocsPerSecondNoStore);

    public static async Task<Result> MeasureAsync(BenchCorpus corpus, int documents, ModelOptions? models = null)
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var inputs = Enumerable.Range(0, documents).Select(i => corpus.Document(i, start)).ToArray();
        await RunAsync(corpus, inputs.Take(Math.Min(2_000, documents)).ToArray(), discard: false, models); // JIT warm-up
        var withStore = await RunAsync(corpus, inputs, discard: false, models);
        var noStore = await RunAsync(corpus, inputs, discard: true, models);
        return new Result(documents, documents / withStore.TotalSeconds, documents / noStore.TotalSeconds);
    }

    private static async Task<TimeSpan> RunAsync(BenchCorpus corpus, byte[][] inputs, bool discard, ModelOptions? models)
    {
        await using var pipeline = await BenchPipeline.CreateAsync(corpus, stageCount: 3, discard, models);
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
