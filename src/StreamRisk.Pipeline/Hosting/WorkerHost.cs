using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamRisk.Core.Bus;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Storage;
using StreamRisk.Core.Topics;
using StreamRisk.Infrastructure.Kafka;
using StreamRisk.Infrastructure.Reference;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Running;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Hosting;

/// <summary>What <c>streamrisk worker</c> runs: which stages, against which bus and store.</summary>
public sealed record WorkerOptions
{
    public required PipelineSettings Settings { get; init; }
    public required IReadOnlyList<string> Stages { get; init; }
    public string? ReferenceDirectory { get; init; }

    /// <summary><c>--placement-threshold</c>; null: STREAMRISK_PLACEMENT_THRESHOLD, else the default.</summary>
    public double? PlacementThreshold { get; init; }

    public int BatchSize { get; init; } = 512;

    /// <summary>Text models; the built-in ones except what is configured (today: the industry LLM).</summary>
    public ModelOptions Models { get; init; } = ModelOptions.BuiltIn;
}

/// <summary>
/// Runs stages as hosted <see cref="RecoveringStageWorker"/>s until SIGTERM or Ctrl+C, then stops them gracefully
/// (the batch in hand finishes; offsets are committed only after its effects are durable, so a hard kill loses
/// nothing either). The store is migrated first, retrying while it is unreachable.
/// </summary>
public static class WorkerHost
{
    private static readonly TimeSpan StoreRetry = TimeSpan.FromSeconds(1);

    public static async Task RunAsync(WorkerOptions options, CancellationToken cancellationToken)
    {
        var settings = options.Settings.Validated();
        if (options.BatchSize < 1) throw new ConfigurationException($"--batch-size must be at least 1 (got {options.BatchSize})");
        // Checked before the store is opened or the bus connected.
        IndustryModelSpec.Parse(options.Models.IndustryModel, options.Models.IndustryModelSource);
        var backends = RetrievalBackends.From(options.Models);
        // Loaded once, before the reference data: issuers are placed by description with it, and topic retrieval reuses it.
        using var embeddingModel = PipelineModels.LoadEmbeddingModel(options.Models);
        var reference = LoadReference(options.ReferenceDirectory, options.PlacementThreshold, embeddingModel);

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
        using var loggers = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true));
        var log = loggers.CreateLogger("streamrisk.worker");
        log.LogInformation("worker: stages {Stages}; bus {Bus}; store {Store}; {Backends}", string.Join(",", options.Stages), settings.Bus,
            settings.DescribeStore(), backends.Describe());
        foreach (var warning in reference.Warnings)
        {
            log.LogWarning("reference data: {Warning}", warning.Message);
        }
        foreach (var issuer in reference.PlacedIssuers)
        {
            log.LogInformation("reference data: {Issuer} placed by description (threshold {Threshold}): {Industries}", issuer.IssuerId,
                reference.Placement!.Threshold, IssuerTable.Describe(issuer.Placement!));
        }

        // One writer per SQLite store (PostgreSQL takes any number of workers): held until this process ends.
        using var writerLock = settings.Store == StoreKind.Sqlite ? AcquireWriterLock(settings.SqlitePath, options.Stages) : null;
        await using var store = RiskStoreFactory.Create(settings);
        await MigrateWithRetryAsync(store, log, cancellationToken).ConfigureAwait(false);
        await using var bus = EventBusFactory.Create(settings, loggers);
        if (settings.Bus == BusKind.Embedded)
        {
            // A Kafka cluster gets its topics from `streamrisk topics apply`; the embedded bus lives in this process.
            foreach (var topic in KafkaTopicCatalog.LoadEmbedded().Topics)
            {
                await bus.EnsureTopicAsync(topic.ToSpec(), cancellationToken).ConfigureAwait(false);
            }
        }

        var context = new StageContext(bus, store, TimeProvider.System, new PipelineCounters(), EventDelivery.Outbox);
        using var models = PipelineRun.LoadModels(reference, options.Models, embeddingModel);
        var factory = new StageFactory(context, reference, models);
        foreach (var stage in options.Stages)
        {
            builder.Services.AddSingleton<IHostedService>(sp => new RecoveringStageWorker(
                stage, factory.BuildAsync, sp.GetRequiredService<ILogger<RecoveringStageWorker>>(), TimeProvider.System, options.BatchSize));
        }
        using var host = builder.Build();
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    private static StoreWriterLock AcquireWriterLock(string path, IReadOnlyList<string> stages)
    {
        try
        {
            return StoreWriterLock.Acquire(path, $"streamrisk worker {string.Join(",", stages)}");
        }
        catch (StoreLockedException ex)
        {
            throw new ConfigurationException(ex.Message, ex);
        }
    }

    /// <summary>Migrates, waiting for a store that is still starting (compose starts everything at once).</summary>
    public static async Task MigrateWithRetryAsync(IRiskStore store, ILogger log, CancellationToken cancellationToken, int attempts = 60)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && attempt < attempts && IsTransient(ex))
            {
                log.LogWarning("store not ready ({Message}); retrying", ex.Message);
                await Task.Delay(StoreRetry, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool IsTransient(Exception ex) => ex is System.Net.Sockets.SocketException or TimeoutException or Npgsql.NpgsqlException
        || ex.InnerException is not null && IsTransient(ex.InnerException);

    /// <param name="placementThreshold"><c>--placement-threshold</c>; null: STREAMRISK_PLACEMENT_THRESHOLD, else the default
    /// for the embedder.</param>
    /// <param name="embeddingModel">The ONNX sentence-embedding model that places issuers (<see cref="PipelineModels.LoadEmbeddingModel"/>);
    /// null for the built-in embedder.</param>
    public static ReferenceData LoadReference(string? directory, double? placementThreshold = null, ITextEmbedder? embeddingModel = null)
    {
        var placement = IssuerPlacementSetting.Resolve(placementThreshold, denseEmbedder: embeddingModel);
        try
        {
            return ReferenceDataLoader.Load(ReferenceDataLocation.Resolve(directory), null, placement);
        }
        catch (ReferenceDataException ex)
        {
            throw new ConfigurationException(ex.Message, ex);
        }
    }
}
