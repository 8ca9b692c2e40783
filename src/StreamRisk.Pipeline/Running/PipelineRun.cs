using System.Diagnostics;
using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Core.Ingest;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Storage;
using StreamRisk.Infrastructure.Bus;
using StreamRisk.Infrastructure.Kafka;
using StreamRisk.Infrastructure.Reference;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Nlp.Embeddings;
using StreamRisk.Nlp.Llm;
using StreamRisk.Nlp.Manifests;
using StreamRisk.Nlp.Runtime;
using StreamRisk.Core.Subscriptions;
using StreamRisk.Pipeline.Hosting;
using StreamRisk.Pipeline.Notifications;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Running;

/// <summary>
/// <c>streamrisk run</c>, <c>ingest</c> and <c>replay</c>: all stages in one process over the embedded bus and a SQLite
/// store, driven in lock-step (see <see cref="PipelineDriver"/>) so that the same input always gives the same output.
/// </summary>
public static class PipelineRun
{
    public static async Task<RunSummary> RunAsync(RunOptions options, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        if (options.BatchSize < 1) throw new ConfigurationException($"--batch-size must be at least 1 (got {options.BatchSize})");
        if (options.ChunkSize < 1) throw new ConfigurationException($"chunk size must be at least 1 (got {options.ChunkSize})");
        if (options.ReplayFrom is null && options.Inputs.Count == 0) throw new ConfigurationException("no input: pass --input FILE|DIR");
        // Checked before the store is opened or anything is loaded or connected.
        IndustryModelSpec.Parse(options.Models.IndustryModel, options.Models.IndustryModelSource);
        RetrievalBackends.From(options.Models);
        var stopwatch = Stopwatch.StartNew();

        // A followed folder may be empty at the start: its files are looked for at every poll instead.
        var files = options.Follow is not null ? [] : options.Inputs.SelectMany(InputReader.ResolveFiles).Distinct(StringComparer.Ordinal).ToArray();
        if (options.OutDirectory is not null)
        {
            TopicDump.EnsureWritable(options.OutDirectory);
        }
        var databasePath = DatabasePathFor(options);
        // Loaded once, before the reference data: issuers are placed by description with it, and topic retrieval reuses it.
        using var embeddingModel = PipelineModels.LoadEmbeddingModel(options.Models);
        var reference = LoadReference(options, embeddingModel);

        // One writer per store, taken before anything is written; a killed holder's lock goes with its process.
        using var writerLock = AcquireWriterLock(databasePath, options);
        await using var store = OpenStore(databasePath, options.SyncEachCommit);
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);

        await using var bus = new InMemoryEventBus();
        // The same topic layout as production (infra/kafka/topics.json): partition counts shape batching, so the
        // embedded run sees what a Kafka deployment sees.
        foreach (var topic in KafkaTopicCatalog.LoadEmbedded().Topics)
        {
            await bus.EnsureTopicAsync(topic.ToSpec(), cancellationToken).ConfigureAwait(false);
        }
        // Teams that subscribed to this store get what the run produces in their feeds (and webhooks), step by step.
        await using var feed = options.Observer is null && options.ReplayFrom is null && !options.IngestOnly
            ? await FeedObserverFor(databasePath, reference, cancellationToken).ConfigureAwait(false)
            : null;
        IRunObserver? observer = options.Observer ?? feed;
        if (observer is not null)
        {
            await observer.AttachAsync(bus, cancellationToken).ConfigureAwait(false);
        }
        var counters = options.Telemetry?.Counters ?? new PipelineCounters();
        // Every event a stage emits stays in its outbox until all its consumers have committed it, and every input is in
        // the journal before it is published: a run cut short at any point leaves in the store all that the next run
        // needs to finish the work (see EmbeddedRecovery below).
        var context = new StageContext(bus, store, TimeProvider.System, counters, EventDelivery.OutboxUntilCheckpoint, InputsJournaled: true);
        // Ingest alone needs no text models: building the gazetteer and topic index would only cost start-up time.
        using var models = options.IngestOnly ? null : LoadModels(reference, options.Models, embeddingModel);
        // Each stage starts from what the store holds (ingest numbering and watermark, the daily index, market history,
        // alerts), exactly as a restarted worker does: over an empty store that is an empty state.
        var factory = new StageFactory(context, reference, models);
        var stages = new List<PipelineStage>();
        TopicDump? dump = null;
        try
        {
            foreach (var name in options.IngestOnly ? [IngestStage.StageName] : StageNames.Each)
            {
                stages.Add(await factory.BuildAsync(name, cancellationToken).ConfigureAwait(false));
            }
            options.Telemetry?.Attach(stages);
            var driver = new PipelineDriver(stages, options.BatchSize);
            await using var producer = bus.CreateProducer();
            var feeder = new InputFeeder(producer, TimeProvider.System);
            var journal = new InputJournal(store, feeder, driver.InputTopicsConsumed);
            dump = options.OutDirectory is null ? null : TopicDump.Open(bus, options.OutDirectory);

            // One step of the run: every stage catches up, the store records that it did, the output files get what was
            // published, and the bus drops what every reader has committed, so memory stays bounded however long the
            // input is.
            // Documents up to this ingest seq have been through every later stage once a step is drained.
            var ingest = (IngestStage)stages[0];
            Func<long> docsThrough = () => ingest.LastIngestSeq;
            async Task Step()
            {
                await driver.DrainAsync(cancellationToken).ConfigureAwait(false);
                await driver.CheckpointAsync(store, [.. journal.TakeFedCheckpoints(), new InputCheckpoint(Topics.Docs, docsThrough())],
                    cancellationToken).ConfigureAwait(false);
                if (dump is not null)
                {
                    await dump.AppendAvailableAsync(cancellationToken).ConfigureAwait(false);
                }
                if (observer is not null)
                {
                    await observer.AfterStepAsync(cancellationToken).ConfigureAwait(false);
                }
                bus.DiscardConsumed();
            }

            // Steps hold ChunkSize journaled inputs each, whatever the journal skipped as already stored, so a run and its
            // replay (which reads only what was journaled) cut their input into the same steps.
            var ready = new Queue<RawInput>();
            async Task FeedReady(bool all)
            {
                while (ready.Count >= options.ChunkSize || (all && ready.Count > 0))
                {
                    for (var n = Math.Min(options.ChunkSize, ready.Count); n > 0; n--)
                    {
                        await journal.FeedAsync(ready.Dequeue(), cancellationToken).ConfigureAwait(false);
                    }
                    await Step().ConfigureAwait(false);
                }
            }

            // What an earlier run took in but did not finish (cut short, or ingest-only) goes first: its documents whose
            // later stages may not have run, then the inputs it journaled but did not finish, in journal order.
            var resumed = 0L;
            var republished = 0L;
            if (driver.Consumes(Topics.Docs))
            {
                await foreach (var document in store.ReadUnfinishedDocumentsAsync(cancellationToken).ConfigureAwait(false))
                {
                    await IngestStage.RepublishAsync(producer, document, TimeProvider.System.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                    var through = document.IngestSeq;
                    docsThrough = () => through;
                    if (++republished % options.ChunkSize == 0)
                    {
                        await Step().ConfigureAwait(false);
                    }
                }
                await Step().ConfigureAwait(false);
                docsThrough = () => ingest.LastIngestSeq;
            }
            await foreach (var raw in store.ReadUnfinishedRawInputsAsync(driver.InputTopicsConsumed, cancellationToken).ConfigureAwait(false))
            {
                ready.Enqueue(raw);
                resumed++;
                await FeedReady(all: false).ConfigureAwait(false);
            }

            var records = options.ReplayFrom is not null ? ReplayRecordsAsync(options.ReplayFrom, progress, cancellationToken)
                : options.Follow is { } follow ? FollowRecordsAsync(options.Inputs, follow, progress)
                : FileRecordsAsync(files, progress);
            var chunk = new List<RawInput>(options.ChunkSize);
            async Task AppendChunk()
            {
                foreach (var raw in await journal.AppendAsync(chunk, cancellationToken).ConfigureAwait(false))
                {
                    ready.Enqueue(raw);
                }
                chunk.Clear();
                await FeedReady(all: false).ConfigureAwait(false);
            }
            await foreach (var (record, seq) in records.ConfigureAwait(false))
            {
                if (record is null)
                {
                    // A followed input went quiet: finish what arrived, so that it is scored and alerted on now.
                    await AppendChunk().ConfigureAwait(false);
                    await FeedReady(all: true).ConfigureAwait(false);
                    await Step().ConfigureAwait(false);
                    continue;
                }
                chunk.Add(new RawInput(seq ?? 0, record.Topic, record.Key, record.Value));
                if (chunk.Count == options.ChunkSize)
                {
                    await AppendChunk().ConfigureAwait(false);
                }
            }
            await AppendChunk().ConfigureAwait(false);
            await FeedReady(all: true).ConfigureAwait(false);
            await Step().ConfigureAwait(false);

            var after = await store.CountAsync(cancellationToken).ConfigureAwait(false);
            IReadOnlyList<string>? mismatches = null;
            if (options.ReplayFrom is not null)
            {
                await using var live = OpenStore(options.ReplayFrom, syncEachCommit: false);
                mismatches = await StoreComparison.CompareAsync(live, store, reference.Issuers.Select(i => i.IssuerId), cancellationToken).ConfigureAwait(false);
            }
            IReadOnlyDictionary<string, int> topicCounts = dump?.Counts.ToDictionary() ?? [];
            return new RunSummary(journal.Read, counters, after, topicCounts, stopwatch.Elapsed, options.OutDirectory, databasePath)
            {
                ReplayMismatches = mismatches,
                Resumed = resumed,
                RepublishedDocuments = republished,
                AlreadyStored = journal.AlreadyStored,
                ReferenceWarnings = reference.Warnings,
                Placement = reference.Placement,
                PlacedIssuers = reference.PlacedIssuers.ToList(),
            };
        }
        finally
        {
            if (dump is not null)
            {
                await dump.DisposeAsync().ConfigureAwait(false);
            }
            foreach (var stage in stages)
            {
                await stage.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The feed's fan-out over the store's subscriptions; null when no team has subscribed.</summary>
    private static async Task<FeedObserver?> FeedObserverFor(string databasePath, ReferenceData reference, CancellationToken cancellationToken)
    {
        var subscriptions = new SqliteSubscriptionStore(databasePath);
        if ((await subscriptions.GetAllSubscriptionsAsync(cancellationToken).ConfigureAwait(false)).Count == 0)
        {
            await subscriptions.DisposeAsync().ConfigureAwait(false);
            return null;
        }
        return new FeedObserver(subscriptions, new FeedFanout(reference), new FeedSignal(), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, ownsStore: true);
    }

    private static StoreWriterLock AcquireWriterLock(string databasePath, RunOptions options)
    {
        // A path that cannot be a store (a folder, another program's file) is refused before a lock file is made beside it.
        SqliteStoreFile.Check(databasePath);
        try
        {
            return StoreWriterLock.Acquire(databasePath, options.ReplayFrom is not null ? "streamrisk replay" : options.IngestOnly ? "streamrisk ingest" : "streamrisk run");
        }
        catch (StoreLockedException ex)
        {
            throw new ConfigurationException(ex.Message, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException(
                $"cannot write the store '{databasePath}' (its lock file: {ex.Message}); make it writable or pass a file in a writable folder with --db", ex);
        }
    }

    /// <summary>
    /// Records appended to the followed inputs, as they arrive, until <see cref="FollowOptions.Stop"/>; a null record
    /// marks a poll that found nothing new after something had arrived (the run then finishes what it holds).
    /// </summary>
    private static async IAsyncEnumerable<(InputRecord? Record, long? Seq)> FollowRecordsAsync(IReadOnlyList<string> inputs, FollowOptions follow,
        IProgress<RunProgress>? progress)
    {
        var follower = new InputFollower(inputs);
        long count = 0;
        var pending = false;
        while (!follow.Stop.IsCancellationRequested)
        {
            var arrived = follower.Poll();
            foreach (var record in arrived)
            {
                yield return (record, null);
            }
            count += arrived.Count;
            if (arrived.Count > 0)
            {
                pending = true;
                progress?.Report(new RunProgress(count, count));
                continue;
            }
            if (pending)
            {
                pending = false;
                yield return (null, null);
            }
            try
            {
                await Task.Delay(follow.PollInterval, follow.Stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Input records from files, with progress in bytes of input read.</summary>
    private static async IAsyncEnumerable<(InputRecord? Record, long? Seq)> FileRecordsAsync(IReadOnlyList<string> files, IProgress<RunProgress>? progress)
    {
        var totalBytes = files.Sum(f => new FileInfo(f).Length);
        long doneBytes = 0;
        long count = 0;
        foreach (var file in files)
        {
            var fileStart = doneBytes;
            foreach (var record in InputReader.Read(file))
            {
                yield return (record, null);
                doneBytes += record.Value.Length + 1; // a line and its newline
                if (++count % 1024 == 0)
                {
                    progress?.Report(new RunProgress(Math.Min(doneBytes, totalBytes), totalBytes));
                }
            }
            doneBytes = fileStart + new FileInfo(file).Length;
            progress?.Report(new RunProgress(doneBytes, totalBytes));
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>The raw inputs an earlier run stored, with their original arrival numbers.</summary>
    private static async IAsyncEnumerable<(InputRecord? Record, long? Seq)> ReplayRecordsAsync(string database, IProgress<RunProgress>? progress,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var source = OpenStore(database, syncEachCommit: false);
        var total = (await source.CountAsync(cancellationToken).ConfigureAwait(false)).RawInputs;
        long done = 0;
        await foreach (var raw in source.ReadRawInputsAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return (new InputRecord(raw.Topic, raw.Key, raw.Value, $"replay:{raw.Seq}"), raw.Seq);
            if (++done % 1024 == 0)
            {
                progress?.Report(new RunProgress(done, total));
            }
        }
        progress?.Report(new RunProgress(done, total));
    }

    private static string DatabasePathFor(RunOptions options)
    {
        var path = options.DatabasePath
            ?? (options.OutDirectory is not null
                ? Path.Combine(options.OutDirectory, "streamrisk.db")
                : Path.Combine(Path.GetTempPath(), $"streamrisk-{Environment.ProcessId}-{Guid.NewGuid():N}.db"));
        path = Path.GetFullPath(path);
        if (options.ReplayFrom is not null)
        {
            if (!File.Exists(options.ReplayFrom) && !Directory.Exists(options.ReplayFrom))
            {
                throw new ConfigurationException($"--from '{options.ReplayFrom}' does not exist (give the --db file of an earlier run)");
            }
            try
            {
                // Before the replay's own store is created: a bad --from must not leave an empty one behind.
                SqliteStoreFile.Check(options.ReplayFrom, mustExist: true, option: "--from");
            }
            catch (StoreFileException ex)
            {
                throw new ConfigurationException(ex.Message, ex);
            }
            if (string.Equals(Path.GetFullPath(options.ReplayFrom), path, StringComparison.Ordinal))
            {
                throw new ConfigurationException("replay writes to a new database: --db (or --out) must not point at the --from database");
            }
            if (File.Exists(path))
            {
                throw new ConfigurationException($"replay needs an empty database, but '{path}' exists; remove it or pass another --db");
            }
        }
        return path;
    }

    private static ReferenceData LoadReference(RunOptions options, OnnxTextEmbedder? embeddingModel)
    {
        var directory = ReferenceDataLocation.Resolve(options.ReferenceDirectory);
        if (options.IssuersFile is not null && !File.Exists(options.IssuersFile))
        {
            throw new ConfigurationException($"--issuers '{options.IssuersFile}' does not exist (CSV: issuer_id,legal_name,aliases,tickers,industries)");
        }
        try
        {
            return ReferenceDataLoader.Load(directory, options.IssuersFile, IssuerPlacementSetting.Resolve(options.PlacementThreshold, denseEmbedder: embeddingModel));
        }
        catch (ReferenceDataException ex)
        {
            throw new ConfigurationException(ex.Message, ex);
        }
    }

    /// <param name="embeddingModel">The model of <c>--embedding-model</c> already loaded (<see cref="PipelineModels.LoadEmbeddingModel"/>).</param>
    internal static PipelineModels LoadModels(ReferenceData reference, ModelOptions models, OnnxTextEmbedder? embeddingModel = null)
    {
        try
        {
            return PipelineModels.Create(reference, models, embeddingModel);
        }
        catch (Exception ex) when (ex is ModelManifestException or ExecutionProviderUnavailableException or FileNotFoundException or LanguageModelConfigurationException)
        {
            throw new ConfigurationException(ex.Message, ex);
        }
    }

    private static SqliteRiskStore OpenStore(string path, bool syncEachCommit)
    {
        try
        {
            return new SqliteRiskStore(path, syncEachCommit: syncEachCommit);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new ConfigurationException($"cannot open the database '{path}': {ex.Message}", ex);
        }
    }
}
