using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Core.Storage;
using StreamRisk.Infrastructure.Bus;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Running;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Bench;

/// <summary>An embedded pipeline (bus, store, stages) set up as <c>streamrisk run</c> sets it up.</summary>
public sealed class BenchPipeline : IAsyncDisposable
{
    private readonly IReadOnlyList<PipelineStage> _stages;
    private readonly string _directory;

    private BenchPipeline(InMemoryEventBus bus, IRiskStore store, IReadOnlyList<PipelineStage> stages, int stageCount, string directory)
    {
        Bus = bus;
        Store = store;
        _stages = stages;
        _directory = directory;
        Driver = new PipelineDriver(stages.Take(stageCount).ToArray());
        Feeder = new InputFeeder(bus.CreateProducer(), TimeProvider.System);
    }

    public InMemoryEventBus Bus { get; }
    public IRiskStore Store { get; }
    public PipelineDriver Driver { get; }
    public InputFeeder Feeder { get; }

    /// <param name="stageCount">How many stages, in data-flow order, to drive (3 = ingest, enrich, firm sentiment).</param>
    public static async Task<BenchPipeline> CreateAsync(BenchCorpus corpus, int stageCount, bool discardStoreWrites)
    {
        var directory = Path.Combine(Path.GetTempPath(), "streamrisk-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        IRiskStore store = new SqliteRiskStore(Path.Combine(directory, "bench.db"), syncEachCommit: Environment.GetEnvironmentVariable("BENCH_SYNC") != "0");
        await store.MigrateAsync();
        if (discardStoreWrites) store = new DiscardingStore(store);
        var bus = new InMemoryEventBus();
        foreach (var topic in Topics.All) await bus.EnsureTopicAsync(new TopicSpec(topic, 4));
        var context = new StageContext(bus, store, TimeProvider.System, new PipelineCounters());
        var stages = PipelineComposition.Build(context, corpus.Reference, PipelineModels.BuiltIn(corpus.Reference), 1, false);
        return new BenchPipeline(bus, store, stages, stageCount, directory);
    }

    public ValueTask PublishAsync(byte[] news, string key) =>
        Feeder.PublishAsync(new InputRecord(Topics.NewsRaw, key, news, "bench"), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        foreach (var stage in _stages) await stage.DisposeAsync();
        await Store.DisposeAsync();
        await Bus.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
