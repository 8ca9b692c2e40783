using System.Diagnostics;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Running;
using Xunit.Abstractions;

namespace StreamRisk.Cli.Tests.Recovery;

/// <summary>
/// The embedded path's crash-recovery promise: <c>streamrisk run --db X</c> killed with SIGKILL at random moments and
/// run again with the same command ends with the store an uninterrupted run leaves. Each seed is a chain: the first run
/// is killed, then every re-run is killed too at a random moment of its own (while it resumes what the last one left,
/// or later), until a re-run completes on its own or after 7 kills a last one is let finish; its store is compared by
/// value with the uninterrupted lock-step run's (<see cref="RecoveryStream.Reference"/>). Kill moments are uniform over
/// a whole run's length, start-up included. Chains (seeds) go on until at least 21 kills over at least 3 seeds.
/// </summary>
[Collection(RecoveryCollection.Name)]
public sealed class RunProcess_SigkillRecovery(RecoveryStream stream, ITestOutputHelper output)
{
    private const int MinSeeds = 3;
    private const int MinKills = 21;
    private const int MaxKillsPerSeed = 7;
    private const int MaxSeeds = 12;

    [Fact]
    public async Task A_run_killed_at_random_moments_and_run_again_stores_what_an_uninterrupted_run_stores()
    {
        var baseSeed = int.TryParse(Environment.GetEnvironmentVariable("STREAMRISK_CRASH_SEED"), out var s) ? s : Random.Shared.Next();
        output.WriteLine($"embedded crash test seed {baseSeed} (STREAMRISK_CRASH_SEED), simulation seed {RecoveryStream.SimulationSeed}");
        var clock = Stopwatch.StartNew();
        // How long a whole run takes as a child process: kill moments are drawn over that span.
        var full = await TimeFullRunAsync();
        var lines = new List<string>();
        var kills = 0;
        var chain = 0;
        for (; chain < MaxSeeds && (chain < MinSeeds || kills < MinKills); chain++)
        {
            var random = new Random(baseSeed + chain);
            var database = Path.Combine(Commands.CliProcess.NewTempDirectory(), "run.db");
            var killedAt = new List<int>();
            for (var k = 0; k < MaxKillsPerSeed; k++)
            {
                var delay = TimeSpan.FromMilliseconds(random.Next(50, (int)(0.9 * full.TotalMilliseconds)));
                var watch = Stopwatch.StartNew();
                var (exited, exitCode, tail) = await RunAsync(database, killAfter: delay);
                if (exited)
                {
                    // The run finished before its kill moment: a chain can only be cut while there is work left. A whole
                    // run (the chain's first) finishing early means the machine got faster: draw later kills over that.
                    Assert.True(exitCode == 0, $"a run exited with {exitCode}:{Environment.NewLine}{tail}");
                    if (k == 0 && watch.Elapsed < full)
                    {
                        full = watch.Elapsed;
                    }
                    break;
                }
                killedAt.Add((int)delay.TotalMilliseconds);
                kills++;
            }
            var (_, code, finalTail) = await RunAsync(database, killAfter: null);
            Assert.True(code == 0, $"the completing re-run exited with {code}:{Environment.NewLine}{finalTail}");

            StoreSnapshot actual;
            await using (var store = new SqliteRiskStore(database))
            {
                actual = await StoreSnapshot.ReadAsync(store, stream.IssuerIds, CancellationToken.None);
            }
            var report = StoreEquivalence.Compare(stream.Reference, actual);
            var line = $"embedded crash test, seed {baseSeed + chain}: {killedAt.Count} SIGKILLs at [{string.Join(", ", killedAt)}] ms: {report.Summary()}";
            lines.Add(line);
            output.WriteLine(line);
            Assert.True(report.IsEquivalent,
                $"after {killedAt.Count} kills the re-run's store differs from the uninterrupted run's:{Environment.NewLine}{report.Details()}");
        }
        var verdict = $"embedded crash test: {kills} SIGKILLs over {chain} seeds, every re-run equal to the uninterrupted run; {clock.Elapsed.TotalSeconds:F1} s";
        output.WriteLine(verdict);
        Console.WriteLine(verdict);
        // Fewer kills only if runs were too short to cut; with this stream each run takes seconds.
        Assert.True(kills >= MinKills, $"only {kills} kills landed before their run finished, over {chain} seeds");
    }

    private async Task<TimeSpan> TimeFullRunAsync()
    {
        var database = Path.Combine(Commands.CliProcess.NewTempDirectory(), "timing.db");
        var watch = Stopwatch.StartNew();
        var (_, code, tail) = await RunAsync(database, killAfter: null);
        Assert.True(code == 0, $"the timing run exited with {code}:{Environment.NewLine}{tail}");
        output.WriteLine($"an uninterrupted run as a child process: {watch.Elapsed.TotalSeconds:F1} s");
        return watch.Elapsed;
    }

    /// <returns>Whether the process ended on its own (false: it was killed), its exit code, and the end of its output.</returns>
    private async Task<(bool Exited, int ExitCode, string Tail)> RunAsync(string database, TimeSpan? killAfter)
    {
        using var process = RunProcess.Start(stream, database);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var limit = TimeSpan.FromMinutes(3);
        using (var wait = new CancellationTokenSource(killAfter ?? limit))
        {
            try
            {
                await process.WaitForExitAsync(wait.Token);
                return (true, process.ExitCode, Tail(await stdout + await stderr));
            }
            catch (OperationCanceledException)
            {
                // SIGKILL: no chance to finish a step, write a checkpoint or release anything.
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                Assert.True(killAfter is not null, $"a run did not finish within {limit}");
                return (false, -1, "");
            }
        }
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];
}
