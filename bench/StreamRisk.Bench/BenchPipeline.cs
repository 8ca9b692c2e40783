using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Core.Storage;
using StreamRisk.Infrastructure.Bus;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Hosting;
using StreamRisk.Pipeline.Running;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Bench;

/// <summary>
/// An embedded pipeline (bus, store, stages) set up as <c>streamrisk run</c> sets it up: inputs go through the input
/// journal, emitted events through the outbox until each step's checkpoint, stages are built as the run builds them.
/// </summary>
public sealed class BenchPipeline : IAsyncDisposable
{
    private readonly IReadOnlyList<PipelineStage> _stages;
    private readonly string _directory;
    private readonly InputJournal _journal;
    private readonly List<RawInput> _chunk = [];

    private BenchPipeline(InMemoryEventBus bus, IRiskStore store, IReadOnlyList<PipelineStage> stages, string directory)
    {
        Bus = bus;
        Store = store;
        _stages = stages;
        _directory = directory;
        Driver = new PipelineDriver(stages);
        _journal = new InputJournal(store, new InputFeeder(bus.CreateProducer(), TimeProvider.System), Driver.InputTopicsConsumed);
    }

    public InMemoryEventBus Bus { get; }
    public IRiskStore Store { get; }
    public PipelineDriver Driver { get; }

    /// <summary>SQLite commits synced to disk (<c>synchronous=FULL</c>): BENCH_SYNC=1; the run's default (NORMAL) otherwise.</summary>
    public static bool SyncEachCommit => Environment.GetEnvironmentVariable("BENCH_SYNC") == "1";

    /// <param name="stageCount">How many stages, in data-flow order, to drive (3 = ingest, enrich, firm sentiment).</param>
    /// <param name="models">Text models; the built-in ones when null.</param>
    public static async Task<BenchPipeline> CreateAsync(BenchCorpus corpus, int stageCount, bool discardStoreWrites, ModelOptions? models = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "streamrisk-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        IRiskStore store = new SqliteRiskStore(Path.Combine(directory, "bench.db"), syncEachCommit: SyncEachCommit);
        await store.MigrateAsync();
        if (discardStoreWrites) store = new DiscardingStore(store);
        var bus = new InMemoryEventBus();
        foreach (var topic in Topics.All) await bus.EnsureTopicAsync(new TopicSpec(topic, 4));
        var context = new StageContext(bus, store, TimeProvider.System, new PipelineCounters(), EventDelivery.OutboxUntilCheckpoint, InputsJournaled: true);
        var factory = new StageFactory(context, corpus.Reference, PipelineModels.Create(corpus.Reference, models ?? ModelOptions.BuiltIn));
        var stages = new List<PipelineStage>();
        foreach (var name in StageNames.Each.Take(stageCount)) stages.Add(await factory.BuildAsync(name, CancellationToken.None));
        return new BenchPipeline(bus, store, stages, directory);
    }

    /// <summary>Adds a news text to the next step's chunk.</summary>
    public void Offer(byte[] news, string key) => _chunk.Add(new RawInput(0, Topics.NewsRaw, key, news));

    /// <summary>One step of the run: the chunk into the journal and onto the bus, every stage drained, the checkpoint.</summary>
    public async Task StepAsync()
    {
        foreach (var raw in await _journal.AppendAsync(_chunk, CancellationToken.None)) await _journal.FeedAsync(raw, CancellationToken.None);
        _chunk.Clear();
        await Driver.DrainAsync(CancellationToken.None);
        await Driver.CheckpointAsync(Store, _journal.TakeFedCheckpoints(), CancellationToken.None);
        Bus.DiscardConsumed();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var stage in _stages) await stage.DisposeAsync();
        await Store.DisposeAsync();
        await Bus.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
