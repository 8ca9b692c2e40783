using StreamRisk.Cli.Tests.Commands;
using StreamRisk.Core.Storage;
using StreamRisk.Infrastructure.Postgres;
using Xunit.Abstractions;

namespace StreamRisk.Cli.Tests.Recovery;

/// <summary>
/// The database-outage promise: PostgreSQL stopped in the middle of a worker run and started again a few seconds later;
/// the worker waits, retries and loses nothing, so its store ends equal to the uninterrupted lock-step run's. The test
/// starts a PostgreSQL cluster of its own, because it stops it.
/// </summary>
[Collection(RecoveryCollection.Name)]
public sealed class WorkerProcess_PostgresRestart(RecoveryStream stream, ITestOutputHelper output)
{
    /// <summary>How long the database stays down: several of the stores' retry rounds and the workers' rebuild delays.</summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);

    [PostgresBinariesFact]
    public async Task A_worker_whose_database_restarts_mid_run_waits_retries_and_loses_nothing()
    {
        await using var postgres = await ThrowawayPostgres.StartAsync();
        var environment = new Dictionary<string, string>
        {
            ["STREAMRISK_STORE"] = "postgres",
            ["STREAMRISK_POSTGRES"] = postgres.ConnectionString,
            ["STREAMRISK_KAFKA_GROUP_PROTOCOL"] = "classic",
        };
        var outages = 0;

        var outcome = await new WorkerRun(stream, output).RunAsync(environment, () => new PostgresRiskStore(postgres.ConnectionString), 1,
            async (worker, counts, _) =>
            {
                // Mid-run: once the worker has stored part of the news (it is fed in two halves, so it is busy).
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (DateTime.UtcNow < deadline && (await counts() is not { } now || now.FirmSentiments < stream.NewsRecords / 8))
                {
                    await Task.Delay(100);
                }
                await postgres.StopServerAsync();
                output.WriteLine($"PostgreSQL stopped at {DateTimeOffset.UtcNow:HH:mm:ss.fff} for {Outage.TotalSeconds} s");
                // The outage itself is the condition under test: a fixed time with the server down, not something to poll for.
                await Task.Delay(Outage);
                await postgres.StartServerAsync();
                output.WriteLine($"PostgreSQL started again at {DateTimeOffset.UtcNow:HH:mm:ss.fff}");
                Assert.True(worker.IsRunning, "the worker exited while PostgreSQL was down" + Environment.NewLine + worker.Tail());
                outages++;
            });

        var line = WorkerProcess_SigkillRecovery.Summary($"postgres restart: {outages} outage of {Outage.TotalSeconds} s", outcome);
        output.WriteLine(line);
        Console.WriteLine(line);
        WorkerProcess_SigkillRecovery.AssertEquivalent(outcome);
    }
}

/// <summary>
/// A fact that needs PostgreSQL's server binaries (initdb, pg_ctl): reported as skipped, with the reason, where they are
/// not installed, unless STREAMRISK_REQUIRE_POSTGRES=1 (CI), where the test then runs and fails.
/// </summary>
public sealed class PostgresBinariesFactAttribute : FactAttribute
{
    public PostgresBinariesFactAttribute()
    {
        if (ThrowawayPostgres.FindBinaries() is null && Environment.GetEnvironmentVariable("STREAMRISK_REQUIRE_POSTGRES") != "1")
        {
            Skip = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): install the postgresql package, "
                + "or set STREAMRISK_REQUIRE_POSTGRES=1 to fail instead of skipping";
        }
    }
}
