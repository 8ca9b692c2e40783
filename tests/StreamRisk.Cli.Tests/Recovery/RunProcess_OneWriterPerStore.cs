using System.Diagnostics;
using StreamRisk.Cli.Tests.Commands;

namespace StreamRisk.Cli.Tests.Recovery;

/// <summary>
/// One writer per embedded store: a second <c>streamrisk run</c> on a store another run is writing is refused at once
/// with exit code 2 and a message naming the store and the holder, and leaves the first run's work untouched. (A killed
/// holder leaves no lock behind: every re-run in <see cref="RunProcess_SigkillRecovery"/> takes the lock of a run that
/// was just killed.)
/// </summary>
[Collection(RecoveryCollection.Name)]
public sealed class RunProcess_OneWriterPerStore(RecoveryStream stream)
{
    [Fact]
    public async Task A_second_run_on_a_store_in_use_is_refused_naming_the_store_and_the_holder()
    {
        var database = Path.Combine(CliProcess.NewTempDirectory(), "shared.db");
        var arguments = RunProcess.Arguments(stream, database);
        using var first = RunProcess.Start(stream, database);
        var firstOut = first.StandardOutput.ReadToEndAsync();
        var firstErr = first.StandardError.ReadToEndAsync();

        // The holder note appears once the first run holds the lock.
        var waited = Stopwatch.StartNew();
        while (!File.Exists(database + ".lock.holder") && !first.HasExited && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20);
        }
        Assert.False(first.HasExited, "the first run ended before the second could try the store");

        var (code, _, stderr) = CliProcess.Run(arguments);

        Assert.Equal(2, code);
        Assert.Contains(Path.GetFullPath(database), stderr);
        Assert.Contains($"process {first.Id}", stderr);
        Assert.Contains("streamrisk run", stderr);
        Assert.DoesNotContain("Unhandled exception", stderr);
        Assert.Single(stderr.Trim().Split('\n'));

        await first.WaitForExitAsync();
        Assert.True(first.ExitCode == 0, await firstOut + await firstErr);
        // The refused run wrote nothing: the first run's store is the uninterrupted one.
        await using var store = new StreamRisk.Infrastructure.Storage.SqliteRiskStore(database);
        var actual = await StreamRisk.Pipeline.Running.StoreSnapshot.ReadAsync(store, stream.IssuerIds, CancellationToken.None);
        Assert.True(StreamRisk.Pipeline.Running.StoreEquivalence.Compare(stream.Reference, actual).IsEquivalent);
        Assert.False(File.Exists(database + ".lock.holder"), "a finished run leaves no holder note");
    }
}
