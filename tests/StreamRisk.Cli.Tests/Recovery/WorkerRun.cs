using System.Diagnostics;
using StreamRisk.Core.Storage;
using StreamRisk.Pipeline.Running;
using StreamRisk.Tests.Shared.Kafka;
using Xunit.Abstractions;

using StreamRisk.Cli.Tests.Commands;

namespace StreamRisk.Cli.Tests.Recovery;

/// <summary>
/// One worker run over <see cref="RecoveryStream"/> on a fresh mock Kafka cluster: the input is published in slices while
/// the worker runs (market data and the first news slice before the first start, one more news slice before each
/// restart), the caller's <c>disturb</c> step runs between restarts, and at the end the worker drains and gets SIGTERM.
/// </summary>
internal sealed class WorkerRun(RecoveryStream stream, ITestOutputHelper output)
{
    /// <summary>Counts unchanged this long, with every input stored, mean the worker is done: longer than a classic
    /// consumer-group rebalance on the mock cluster (session timeout 6 s − 1 s), so a group waiting for its partitions
    /// is not mistaken for a drained one.</summary>
    // Settled: every table holds at least as many rows as the reference run's, the counts did not change for Quiet, and
    // then the content did not change for another Quiet. A worker
    // that stops short (lost work) is judged after StalledFor without progress, so the comparison shows what is missing.
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(3);
    // How long the content must then stay the same: more than twice the mock cluster's consumer session timeout (3 s),
    // so a stage whose partitions a killed incarnation's member still holds is not mistaken for a drained one.
    private static readonly TimeSpan ContentQuiet = TimeSpan.FromSeconds(7);
    private static readonly TimeSpan StalledFor = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(120);

    /// <summary>How often, in this run, the store's content still changed after its row counts had settled (each time
    /// a comparison by counts alone would have judged a worker that was still working).</summary>
    public int ContentMovedAfterCountsSettled { get; private set; }

    public sealed record Outcome(StoreEquivalenceReport Report, int AlertEvents, int RedeliveredAlertEvents, int ConflictingAlertEvents, TimeSpan Elapsed, string LogTail);

    /// <param name="environment">The worker's store variables (bus variables are added here).</param>
    /// <param name="openStore">Opens the worker's store for reading, from the test process.</param>
    /// <param name="restarts">How many times <paramref name="disturb"/> runs; a worker it stopped is started again.</param>
    /// <param name="disturb">Runs while the worker is up; returns once it has killed it (or made it wait).</param>
    public async Task<Outcome> RunAsync(
        IReadOnlyDictionary<string, string> environment, Func<IRiskStore> openStore, int restarts,
        Func<WorkerProcess, Func<Task<StoreCounts?>>, int, Task> disturb)
    {
        var clock = Stopwatch.StartNew();
        using var cluster = new MockKafkaCluster();
        var env = new Dictionary<string, string>(environment)
        {
            ["STREAMRISK_BUS"] = "kafka",
            ["STREAMRISK_KAFKA_BOOTSTRAP"] = cluster.BootstrapServers,
        };
        var logPath = Path.Combine(CliProcess.NewTempDirectory(), "worker.log");
        using var worker = new WorkerProcess(env, stream.ReferenceDirectory, logPath);
        output.WriteLine($"worker log: {logPath}");

        await using var bus = cluster.CreateBus();
        await using var producer = bus.CreateProducer();
        var feeder = new InputFeeder(producer, TimeProvider.System);
        var records = stream.Records().ToList();
        var market = records.Count - stream.NewsRecords;
        var slice = (stream.NewsRecords + restarts) / (restarts + 1);
        var published = 0;
        async Task PublishUpTo(int count)
        {
            for (; published < Math.Min(count, records.Count); published++)
            {
                await feeder.PublishAsync(records[published], CancellationToken.None);
            }
            await producer.FlushAsync();
        }

        async Task<StoreCounts?> Counts()
        {
            try
            {
                await using var store = openStore();
                return await store.CountAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Not created or not reachable yet (the worker migrates it; PostgreSQL may be down on purpose).
                return null;
            }
        }

        async Task<StoreSnapshot> Snapshot()
        {
            await using var store = openStore();
            return await StoreSnapshot.ReadAsync(store, stream.IssuerIds, CancellationToken.None);
        }

        var reference = stream.Reference;
        bool Complete(StoreCounts c) =>
            c.Documents >= reference.Documents.Count && c.FirmSentiments >= reference.FirmSentiments.Count
            && c.IndustrySentiments >= reference.IndustrySentiments.Count && c.DeadLetters >= reference.DeadLetters.Count
            && c.DailySentiments >= reference.DailySentiments.Count && c.RiskScores >= reference.RiskScores.Count;

        try
        {
            for (var incarnation = 0; incarnation <= restarts; incarnation++)
            {
                await PublishUpTo(market + slice * (incarnation + 1));
                // A disturbance that leaves the worker up (a database outage) needs no restart.
                if (!worker.IsRunning)
                {
                    worker.Start();
                }
                if (incarnation < restarts)
                {
                    await disturb(worker, Counts, incarnation);
                }
            }
            await PublishUpTo(records.Count);

            // Drain: every input stored (ingest and score keep raw inputs) and nothing changing for a while. Row counts
            // alone cannot see the last of the work: revisions of daily values and scores (an industry day's meso scores
            // reach its issuers a day later) change rows, not their number, and the alerts they raise come after them.
            // So once the counts have settled, the store's content must also stay the same for another quiet period.
            StoreCounts? last = null;
            StoreSnapshot? settled = null;
            var quiet = Stopwatch.StartNew();
            var drain = Stopwatch.StartNew();
            while (true)
            {
                Assert.True(worker.IsRunning, "the worker exited on its own" + Environment.NewLine + worker.Tail());
                var now = await Counts();
                if (now != last)
                {
                    last = now;
                    settled = null;
                    quiet.Restart();
                }
                else if (now is not null && now.RawInputs == records.Count && quiet.Elapsed >= StalledFor)
                {
                    break;
                }
                else if (now is not null && now.RawInputs == records.Count && quiet.Elapsed >= (settled is null ? Quiet : ContentQuiet) && Complete(now))
                {
                    var content = await Snapshot();
                    if (settled is not null && StoreEquivalence.Compare(settled, content).IsEquivalent)
                    {
                        break;
                    }
                    if (settled is not null)
                    {
                        // The counts had settled, but the content moved on: the work was not done.
                        ContentMovedAfterCountsSettled++;
                        output.WriteLine($"the store's content changed {quiet.Elapsed.TotalSeconds:F1} s after its row counts last did");
                    }
                    settled = content;
                    quiet.Restart();
                }
                Assert.True(drain.Elapsed < DrainLimit,
                    $"the worker did not drain within {DrainLimit}: {last}{Environment.NewLine}{worker.Tail()}");
                await Task.Delay(250);
            }
            var exit = await worker.TerminateAsync(TimeSpan.FromSeconds(30));
            Assert.True(exit == 0, $"the worker exited with {exit} after SIGTERM{Environment.NewLine}{worker.Tail()}");

            var actual = await Snapshot();
            var (events, redelivered, conflicting) = await RecoveryStream.ReadAlertEventsAsync(cluster);
            return new Outcome(StoreEquivalence.Compare(stream.Reference, actual), events, redelivered, conflicting, clock.Elapsed, worker.Tail());
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"{ex.Message}{Environment.NewLine}{worker.Tail()}", ex);
        }
    }
}
