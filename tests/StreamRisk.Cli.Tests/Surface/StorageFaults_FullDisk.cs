using Microsoft.Data.Sqlite;
using StreamRisk.Cli.Tests.Commands;
using StreamRisk.Tests.Shared;

namespace StreamRisk.Cli.Tests.Surface;

/// <summary>
/// A disk that fills up during a run (a 1 MiB tmpfs; the sample corpus needs about 4 MiB) stops the command with exit 2
/// and a line naming the path and "free space and run the same command again"; once space is freed, that same command
/// completes over what the failed run left, and the store equals an uninterrupted run's: SQLite rolled the failed
/// transaction back, and the re-run resumes what the failed one had not finished (the input journal and checkpoints).
/// </summary>
public sealed class StorageFaults_FullDisk
{
    private static string Samples => RepositoryRoot.Of("data", "samples");

    [TmpfsFact]
    public void A_full_disk_under_db_exits_2_and_the_same_command_completes_once_space_is_freed()
    {
        using var mount = new TmpfsMount("1024");
        var db = Path.Combine(mount.Folder, "store.db");
        string[] command = ["run", "--input", Samples, "--db", db, "--quiet"];

        StorageFaults_ExitTwo.AssertRefused(CliInvocation.Run(command), db, "full", "free space and run the same command again");
        var left = Counts(db);
        Assert.True(left.RawInputs > 0, "the test wants a store half written: the disk should fill after the first batches");

        mount.Resize(64 * 1024);
        var (code, _, stderr) = CliInvocation.Run(command);
        Assert.True(code == 0, stderr);

        var clean = CliProcess.NewTempDirectory();
        try
        {
            var cleanDb = Path.Combine(clean, "store.db");
            Assert.Equal(0, CliInvocation.Run("run", "--input", Samples, "--db", cleanDb, "--quiet").ExitCode);
            Assert.Equal("ok", Scalar(db, "PRAGMA integrity_check"));
            var (after, expected) = (Counts(db), Counts(cleanDb));
            // Every input stored once, and every text accepted or dead-lettered once, as in a run that never failed.
            Assert.Equal(expected.RawInputs, after.RawInputs);
            Assert.Equal(after.RawInputs, Convert.ToInt64(Scalar(db, "SELECT COUNT(DISTINCT seq) FROM raw_inputs")));
            Assert.Equal(expected.Documents, after.Documents);
            Assert.Equal(expected.DeadLetters, after.DeadLetters);
            // Nothing refers to a text the store does not hold: no batch was half applied.
            Assert.Equal(0L, Convert.ToInt64(Scalar(db, "SELECT COUNT(*) FROM firm_sentiment WHERE doc_id NOT IN (SELECT doc_id FROM documents)")));
            // And the re-run finished what the failed run left: every table equals the uninterrupted run's.
            AssertSameStore(cleanDb, db);
            // And it is still a store the read-only commands accept.
            Assert.Equal(0, CliInvocation.Run("dlq", "list", "--db", db).ExitCode);
        }
        finally
        {
            Directory.Delete(clean, recursive: true);
        }
    }

    [TmpfsFact]
    public void A_full_disk_under_out_exits_2_naming_the_folder_and_the_same_command_completes_once_space_is_freed()
    {
        using var mount = new TmpfsMount("1024");
        var storeFolder = CliProcess.NewTempDirectory();
        try
        {
            var @out = Path.Combine(mount.Folder, "out");
            // The store on another disk: this test is about the topic files alone.
            var db = Path.Combine(storeFolder, "store.db");
            string[] command = ["run", "--input", Samples, "--out", @out, "--db", db, "--quiet"];

            StorageFaults_ExitTwo.AssertRefused(CliInvocation.Run(command), @out, "full", "free space and run the same command again");

            mount.Resize(64 * 1024);
            var (code, _, stderr) = CliInvocation.Run(command);
            Assert.True(code == 0, stderr);
            Assert.True(new FileInfo(Path.Combine(@out, "docs.v1.jsonl")).Length > 0);
            Assert.Equal("ok", Scalar(db, "PRAGMA integrity_check"));
        }
        finally
        {
            Directory.Delete(storeFolder, recursive: true);
        }
    }

    private static void AssertSameStore(string expectedDb, string actualDb)
    {
        var issuers = StreamRisk.Infrastructure.Reference.ReferenceDataLoader.Load(RepositoryRoot.Of("data", "reference")).Issuers.Select(i => i.IssuerId).ToArray();
        var expected = ReadAsync(expectedDb).GetAwaiter().GetResult();
        var actual = ReadAsync(actualDb).GetAwaiter().GetResult();
        var report = StreamRisk.Pipeline.Running.StoreEquivalence.Compare(expected, actual);
        Assert.True(report.IsEquivalent, report.Details());

        async Task<StreamRisk.Pipeline.Running.StoreSnapshot> ReadAsync(string path)
        {
            await using var store = new StreamRisk.Infrastructure.Storage.SqliteRiskStore(path);
            return await StreamRisk.Pipeline.Running.StoreSnapshot.ReadAsync(store, issuers, CancellationToken.None);
        }
    }

    private static (long RawInputs, long Documents, long DeadLetters) Counts(string db) => (
        Convert.ToInt64(Scalar(db, "SELECT COUNT(*) FROM raw_inputs")),
        Convert.ToInt64(Scalar(db, "SELECT COUNT(*) FROM documents")),
        Convert.ToInt64(Scalar(db, "SELECT COUNT(*) FROM dead_letters")));

    private static object? Scalar(string db, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
