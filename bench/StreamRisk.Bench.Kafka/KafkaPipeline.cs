using StreamRisk.Core.Ingest;
using StreamRisk.Core.Storage;
using StreamRisk.Infrastructure.Kafka;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Running;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Bench.Kafka;

/// <summary>
/// ingest → enrich → firm sentiment over <see cref="KafkaEventBus"/>, each stage pumped on its own task as
/// <c>streamrisk worker</c> runs it (transactional outbox), with a SQLite store in a temporary folder (or one that discards its writes).
/// </summary>
public sealed class KafkaPipeline : IAsyncDisposable
{
    private static readonly TimeSpan PollWait = TimeSpan.FromMilliseconds(200);
    private readonly PipelineStage[] _stages;
    private readonly IRiskStore _store;
    private readonly PipelineModels _models;
    private readonly string _directory;

    private KafkaPipeline(PipelineStage[] stages, IRiskStore store, PipelineModels models, PipelineCounters counters, int batchSize, string directory)
    {
        _stages = stages;
        _store = store;
        _models = models;
        _directory = directory;
        Counters = counters;
        Loops = stages.Select(s => new PumpLoop(s.Name, () => s.PumpAsync(batchSize, PollWait, CancellationToken.None))).ToArray();
    }

    public PipelineCounters Counters { get; }

    /// <summary>One loop per stage, in data-flow order.</summary>
    public IReadOnlyList<PumpLoop> Loops { get; }

    public static async Task<KafkaPipeline> CreateAsync(KafkaEventBus bus, BenchCorpus corpus, bool discardStoreWrites, int batchSize)
    {
        var directory = Path.Combine(Path.GetTempPath(), "streamrisk-bench-kafka-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        IRiskStore store = new SqliteRiskStore(Path.Combine(directory, "bench.db"));
        await store.MigrateAsync().ConfigureAwait(false);
        if (discardStoreWrites) store = new DiscardingStore(store);
        var counters = new PipelineCounters();
        // As `streamrisk worker` runs them: events leave through the transactional outbox.
        var context = new StageContext(bus, store, TimeProvider.System, counters, EventDelivery.Outbox);
        var models = PipelineModels.BuiltIn(corpus.Reference);
        PipelineStage[] stages =
        [
            new IngestStage(context, new IngestOptions(), firstSeq: 1, consultStore: false),
            new EnrichStage(context, models.Recognizer),
            new FirmSentimentStage(context, models.FirmSentiment),
        ];
        return new KafkaPipeline(stages, store, models, counters, batchSize, directory);
    }

    /// <summary>True once <paramref name="inputs"/> texts went through: ingest read them all, and firm sentiment read
    /// the mentions.v1 message enrich writes for every document ingest accepted.</summary>
    public bool HasProcessed(int inputs) => Loops[0].Handled >= inputs && Loops[2].Handled >= Counters.Documents;

    public void Start()
    {
        foreach (var loop in Loops) loop.Start();
    }

    public async Task StopAsync()
    {
        foreach (var loop in Loops) await loop.StopAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        foreach (var stage in _stages) await stage.DisposeAsync().ConfigureAwait(false);
        await _store.DisposeAsync().ConfigureAwait(false);
        _models.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
