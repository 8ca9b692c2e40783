using System.Diagnostics;
using StreamRisk.Core.Storage;
using StreamRisk.Infrastructure.Storage;
using Xunit.Abstractions;

using StreamRisk.Cli.Tests.Commands;

namespace StreamRisk.Cli.Tests.Recovery;

/// <summary>The recovery tests share one simulated stream and its reference run, and run one after another (each drives
/// a worker process; the machines that run them have two cores).</summary>
[CollectionDefinition(Name)]
public sealed class RecoveryCollection : ICollectionFixture<RecoveryStream>
{
    public const string Name = "worker recovery";
}

/// <summary>
/// The crash-recovery promise: <c>streamrisk worker all</c> on Kafka and SQLite, killed with SIGKILL at random moments
/// at least 20 times and restarted each time, ends with the store an uninterrupted run leaves: no lost document, no text
/// counted twice in a daily index, no alert raised twice (the bus may carry an alert event again with the same id after a
/// kill: at-least-once delivery, counted and printed). The same run without kills is measured too, so that differences
/// caused by the kills can be told from differences between free-running workers and the lock-step run.
/// </summary>
[Collection(RecoveryCollection.Name)]
public sealed class WorkerProcess_SigkillRecovery(RecoveryStream stream, ITestOutputHelper output)
{
    private const int Kills = 20;

    [Fact]
    public async Task A_worker_killed_at_random_moments_and_restarted_stores_what_an_uninterrupted_run_stores()
    {
        // Printed so that a failure can be replayed: STREAMRISK_CRASH_SEED=<seed> runs the same kill schedule.
        var seed = int.TryParse(Environment.GetEnvironmentVariable("STREAMRISK_CRASH_SEED"), out var s) ? s : Random.Shared.Next();
        output.WriteLine($"crash test seed {seed} (STREAMRISK_CRASH_SEED), simulation seed {RecoveryStream.SimulationSeed}");
        var random = new Random(seed);
        var database = Path.Combine(CliProcess.NewTempDirectory(), "worker.db");
        var kills = 0;

        // KIP-848 groups: a restarted worker gets its partitions back at once, where classic groups wait for a rebalance
        // on every start (the same test takes about twice as long); the other recovery tests use classic, the default.
        var outcome = await new WorkerRun(stream, output).RunAsync(SqliteEnvironment(database, "consumer"), () => OpenSqlite(database), Kills,
            async (worker, counts, incarnation) =>
            {
                var started = Stopwatch.StartNew();
                if (random.NextDouble() < 0.25)
                {
                    // A quarter of the kills land anywhere in start-up: while the stages rebuild their state from the store
                    // and the consumer groups rebalance.
                    await Task.Delay(TimeSpan.FromMilliseconds(random.Next(200, 4000)));
                }
                else
                {
                    // The others land while batches are in flight: once this incarnation has changed the store, after a
                    // random part of a second or two (publish, store and commit interleave within that).
                    var before = await counts();
                    while (started.Elapsed < TimeSpan.FromSeconds(8) && await counts() is var now && (now is null || now == before))
                    {
                        await Task.Delay(50);
                    }
                    await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 1500)));
                }
                Assert.True(worker.IsRunning, $"the worker exited before kill {incarnation + 1}{Environment.NewLine}{worker.Tail()}");
                worker.Kill();
                kills++;
            });

        var line = Summary($"crash test: {kills} SIGKILLs", outcome);
        output.WriteLine(line);
        Console.WriteLine(line);
        Assert.True(kills >= Kills);
        AssertEquivalent(outcome);
    }

    [Fact]
    public async Task An_uninterrupted_worker_stores_what_the_lock_step_run_stores()
    {
        var database = Path.Combine(CliProcess.NewTempDirectory(), "worker.db");

        var outcome = await new WorkerRun(stream, output).RunAsync(SqliteEnvironment(database, "classic"), () => OpenSqlite(database), 0,
            (_, _, _) => Task.CompletedTask);

        var line = Summary("uninterrupted worker", outcome);
        output.WriteLine(line);
        Console.WriteLine(line);
        AssertEquivalent(outcome);
    }

    internal static string Summary(string what, WorkerRun.Outcome outcome) =>
        $"{what}: {outcome.Report.Summary()}; alert events {outcome.AlertEvents}, of which redelivered with the same id {outcome.RedeliveredAlertEvents}, "
        + $"conflicting {outcome.ConflictingAlertEvents}; "
        + $"{outcome.Elapsed.TotalSeconds:F1} s";

    internal static void AssertEquivalent(WorkerRun.Outcome outcome)
    {
        Assert.True(outcome.Report.IsEquivalent && outcome.ConflictingAlertEvents == 0,
            $"the worker's store differs from the uninterrupted lock-step run's:{Environment.NewLine}{outcome.Report.Details()}"
            + $"{Environment.NewLine}double-counted texts {outcome.Report.DoubleCountedTexts}, uncounted {outcome.Report.UncountedTexts}, "
            + $"duplicated alerts {outcome.Report.DuplicatedAlerts}, conflicting alert events {outcome.ConflictingAlertEvents}"
            + $"{Environment.NewLine}{outcome.LogTail}");
    }

    private static Dictionary<string, string> SqliteEnvironment(string database, string groupProtocol) => new()
    {
        ["STREAMRISK_STORE"] = "sqlite",
        ["STREAMRISK_SQLITE_PATH"] = database,
        ["STREAMRISK_KAFKA_GROUP_PROTOCOL"] = groupProtocol,
    };

    private static IRiskStore OpenSqlite(string database) =>
        File.Exists(database) ? new SqliteRiskStore(database) : throw new FileNotFoundException("not created yet", database);
}
