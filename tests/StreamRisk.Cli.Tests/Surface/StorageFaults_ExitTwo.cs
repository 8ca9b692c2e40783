using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using StreamRisk.Cli.Tests.Commands;
using StreamRisk.Tests.Shared;

namespace StreamRisk.Cli.Tests.Surface;

/// <summary>
/// Storage and configuration faults a user can fix end in exit code 2 and one line on stderr naming the path or option
/// and what to do, never in an unhandled exception: each case below runs the built <c>streamrisk</c> against a broken
/// store, input or command line, and checks that nothing was written where nothing should be.
/// </summary>
public sealed class StorageFaults_ExitTwo(StorageFaults_ExitTwo.RealStore real) : IClassFixture<StorageFaults_ExitTwo.RealStore>
{
    /// <summary>A store written by the real program once per class, for the cases that damage or age a real store.</summary>
    public sealed class RealStore : IDisposable
    {
        public RealStore()
        {
            Folder = CliProcess.NewTempDirectory();
            Path = System.IO.Path.Combine(Folder, "real.db");
            var (code, _, stderr) = CliProcess.Run("run", "--input", SampleNews, "--db", Path, "--quiet");
            Assert.True(code == 0, stderr);
        }

        public string Folder { get; }
        public string Path { get; }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Bytes that are no database: not random, so a failure replays exactly.</summary>
    private static readonly byte[] RandomBytes = [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))];

    private static string SampleNews => RepositoryRoot.Of("data", "samples", "01-reuters.jsonl");

    /// <summary>One case: the command line to run in a fresh folder, what stderr must name, and what must hold afterwards.</summary>
    private sealed record Fault(Func<string, string, string[]> Args, Func<string, string[]> Mentions, Action<string>? After = null,
        Action<string, string>? Arrange = null);

    private static readonly Dictionary<string, Fault> Faults = new()
    {
        ["run --db is a folder"] = new(
            (dir, _) => ["run", "--input", SampleNews, "--db", Mkdir(dir, "store.db"), "--quiet"],
            dir => [Path.Combine(dir, "store.db"), "is a folder"]),
        ["run --db holds random bytes"] = new(
            (dir, _) => ["run", "--input", SampleNews, "--db", Path.Combine(dir, "random.db"), "--quiet"],
            dir => [Path.Combine(dir, "random.db"), "not a SQLite database"],
            After: dir => Assert.Equal(RandomBytes, File.ReadAllBytes(Path.Combine(dir, "random.db"))),
            Arrange: (dir, _) => File.WriteAllBytes(Path.Combine(dir, "random.db"), RandomBytes)),
        ["run --db is a real store cut in half"] = new(
            (dir, _) => ["run", "--input", SampleNews, "--db", Path.Combine(dir, "cut.db"), "--quiet"],
            dir => [Path.Combine(dir, "cut.db"), "truncated"],
            Arrange: (dir, real) =>
            {
                var bytes = File.ReadAllBytes(real);
                File.WriteAllBytes(Path.Combine(dir, "cut.db"), bytes[..(bytes.Length / 2)]);
            }),
        ["run --db is another program's SQLite database"] = new(
            (dir, _) => ["run", "--input", SampleNews, "--db", Path.Combine(dir, "foreign.db"), "--quiet"],
            dir => [Path.Combine(dir, "foreign.db"), "another program", "customers"],
            After: dir => Assert.Equal(["customers"], Tables(Path.Combine(dir, "foreign.db"))),
            Arrange: (dir, _) => CreateForeign(Path.Combine(dir, "foreign.db"))),
        ["db migrate --db is another program's SQLite database"] = new(
            (dir, _) => ["db", "migrate", "--db", Path.Combine(dir, "foreign.db")],
            dir => [Path.Combine(dir, "foreign.db"), "another program"],
            After: dir => Assert.Equal(["customers"], Tables(Path.Combine(dir, "foreign.db"))),
            Arrange: (dir, _) => CreateForeign(Path.Combine(dir, "foreign.db"))),
        ["run --db is from a newer StreamRisk"] = new(
            (dir, _) => ["run", "--input", SampleNews, "--db", Path.Combine(dir, "newer.db"), "--quiet"],
            dir => [Path.Combine(dir, "newer.db"), "written by a newer StreamRisk", "upgrade"],
            Arrange: (dir, real) =>
            {
                var path = Path.Combine(dir, "newer.db");
                File.Copy(real, path);
                Execute(path, "INSERT INTO schema_version (version, name, applied_at) VALUES (999, '999_from_the_future', '2999-01-01')");
            }),
        ["run --db cannot be created (under /proc)"] = new(
            (dir, _) => ["run", "--input", SampleNews, "--db", ProcPath(dir), "--quiet"],
            dir => [ProcPath(dir), "cannot write", "--db"]),
        ["run --db under a regular file"] = new(
            (dir, _) => ["run", "--input", SampleNews, "--db", Path.Combine(dir, "a-file", "store.db"), "--quiet"],
            dir => [Path.Combine(dir, "a-file", "store.db"), "cannot write", "--db"],
            Arrange: (dir, _) => File.WriteAllText(Path.Combine(dir, "a-file"), "not a folder")),
        ["replay --from an empty file"] = new(
            (dir, _) => ["replay", "--from", Touch(dir, "empty.db"), "--db", Path.Combine(dir, "replay.db"), "--quiet"],
            dir => [Path.Combine(dir, "empty.db"), "--from", "empty"],
            After: dir => Assert.False(File.Exists(Path.Combine(dir, "replay.db")), "a refused replay must not leave its store behind")),
        ["replay --from a JSON-lines file"] = new(
            (dir, _) => ["replay", "--from", SampleNews, "--db", Path.Combine(dir, "replay.db"), "--quiet"],
            _ => [SampleNews, "--from", "not a SQLite database"],
            After: dir => Assert.False(File.Exists(Path.Combine(dir, "replay.db")))),
        ["replay --from another program's SQLite database"] = new(
            (dir, _) => ["replay", "--from", Path.Combine(dir, "foreign.db"), "--db", Path.Combine(dir, "replay.db"), "--quiet"],
            dir => [Path.Combine(dir, "foreign.db"), "--from", "another program"],
            After: dir => Assert.False(File.Exists(Path.Combine(dir, "replay.db"))),
            Arrange: (dir, _) => CreateForeign(Path.Combine(dir, "foreign.db"))),
        ["dlq list on a store that does not exist"] = new(
            (dir, _) => ["dlq", "list", "--db", Path.Combine(dir, "missing.db")],
            dir => [Path.Combine(dir, "missing.db"), "no store at", "run `streamrisk run` first or check --db"],
            After: dir => Assert.False(File.Exists(Path.Combine(dir, "missing.db")), "a read-only command must not create the store")),
        ["dlq list on random bytes"] = new(
            (dir, _) => ["dlq", "list", "--db", Path.Combine(dir, "random.db")],
            dir => [Path.Combine(dir, "random.db"), "not a SQLite database"],
            Arrange: (dir, _) => File.WriteAllBytes(Path.Combine(dir, "random.db"), RandomBytes)),
        ["dlq redrive on a store that does not exist"] = new(
            (dir, _) => ["dlq", "redrive", "--reason", "unknown_issuer", "--bus", "kafka", "--kafka-bootstrap", "127.0.0.1:9", "--db", Path.Combine(dir, "missing.db")],
            dir => [Path.Combine(dir, "missing.db"), "no store at"],
            After: dir => Assert.False(File.Exists(Path.Combine(dir, "missing.db")))),
        ["db migrate against an unreachable PostgreSQL"] = new(
            (_, _) => ["db", "migrate", "--store", "postgres", "--postgres", $"Host=127.0.0.1;Port={ClosedPort()};Username=u;Password=hunter2;Database=d;Timeout=3", "--retries", "1"],
            _ => ["cannot reach the store", "127.0.0.1", "--postgres", "--retries"]),
        ["a required option is missing"] = new(
            (_, _) => ["run"],
            _ => ["Option '--input' is required.", "streamrisk run --help"]),
        ["an unknown option"] = new(
            (_, _) => ["run", "--no-such-option", "--input", SampleNews],
            _ => ["--no-such-option", "streamrisk run --help"]),
        ["a value of the wrong type"] = new(
            (_, _) => ["run", "--input", SampleNews, "--chunk-size", "lots"],
            _ => ["--chunk-size", "lots", "--help"]),
        ["simulate --issuers 2000000000"] = new(
            (dir, _) => ["simulate", "--issuers", "2000000000", "--years", "1", "--seed", "1", "--out", Path.Combine(dir, "sim"), "--quiet"],
            _ => ["--issuers must be in 1..100000"],
            After: dir => Assert.False(Directory.Exists(Path.Combine(dir, "sim")))),
        ["simulate --years 100000"] = new(
            (dir, _) => ["simulate", "--issuers", "5", "--years", "100000", "--seed", "1", "--out", Path.Combine(dir, "sim"), "--quiet"],
            _ => ["--years must be in 1..60"],
            After: dir => Assert.False(Directory.Exists(Path.Combine(dir, "sim")))),
        ["simulate 100000 issuers for 60 years"] = new(
            (dir, _) => ["simulate", "--issuers", "100000", "--years", "60", "--seed", "1", "--out", Path.Combine(dir, "sim"), "--quiet"],
            _ => ["--issuers x --years must be at most 200000"],
            After: dir => Assert.False(Directory.Exists(Path.Combine(dir, "sim")))),
    };

    public static TheoryData<string> Cases => [.. Faults.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_fault_exits_2_with_one_line_naming_the_path_or_option(string name)
    {
        var fault = Faults[name];
        var dir = CliProcess.NewTempDirectory();
        try
        {
            fault.Arrange?.Invoke(dir, real.Path);
            var result = CliInvocation.Run(fault.Args(dir, real.Path));
            AssertRefused(result, fault.Mentions(dir));
            fault.After?.Invoke(dir);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>A store on a read-only file system: root writes through chmod 000, but not through a read-only mount.</summary>
    [TmpfsFact]
    public void A_db_on_a_read_only_mount_exits_2_naming_the_path()
    {
        using var mount = new TmpfsMount("1024");
        var existing = Path.Combine(mount.Folder, "existing.db");
        File.Copy(real.Path, existing);
        mount.MakeReadOnly();

        var fresh = Path.Combine(mount.Folder, "fresh.db");
        AssertRefused(CliInvocation.Run("run", "--input", SampleNews, "--db", fresh, "--quiet"), fresh, "cannot write", "--db");
        AssertRefused(CliInvocation.Run("run", "--input", SampleNews, "--db", existing, "--quiet"), existing, "writable", "--db");
        AssertRefused(CliInvocation.Run("dlq", "list", "--db", existing), existing, "writable", "--db");
    }

    /// <summary>Exit 2; stderr is exactly one line that names every one of <paramref name="mentions"/>; no stack trace.</summary>
    internal static void AssertRefused((int ExitCode, string Stdout, string Stderr) result, params string[] mentions)
    {
        var (code, stdout, stderr) = result;
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(code == 2, $"exit {code}; stderr: {stderr}; stdout: {stdout}");
        Assert.True(lines.Length == 1, $"expected one line on stderr, got {lines.Length}:\n{stderr}");
        Assert.StartsWith("streamrisk", lines[0]);
        foreach (var mention in mentions)
        {
            Assert.Contains(mention, lines[0]);
        }
        Assert.DoesNotContain("Unhandled exception", stderr + stdout);
        Assert.DoesNotContain("   at ", stderr + stdout);
        Assert.DoesNotContain("hunter2", stderr + stdout);
    }

    private static string Mkdir(string dir, string name) => Directory.CreateDirectory(Path.Combine(dir, name)).FullName;

    private static string Touch(string dir, string name)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, []);
        return path;
    }

    /// <summary>Nothing can be created under /proc, not even by root.</summary>
    private static string ProcPath(string dir) => $"/proc/streamrisk-{Path.GetFileName(dir)}.db";

    private static void CreateForeign(string path) =>
        Execute(path, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Ada')");

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<string> Tables(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    /// <summary>A local port nothing listens on: bound, then released.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
