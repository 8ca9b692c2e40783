using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StreamRisk.Cli.Tests.Recovery;

/// <summary>
/// A PostgreSQL cluster of the test's own (initdb + pg_ctl in a temp folder, a free port on 127.0.0.1, trust auth,
/// fsync off), as infra/scripts/start-postgres.sh makes one, so that the test can stop and start it without touching the
/// server other tests use. As root, the server tools run as the postgres user (initdb refuses root).
/// </summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string bin;
    private readonly string data;
    private readonly string socket;
    private readonly string logFile;
    private readonly bool asPostgresUser;

    private ThrowawayPostgres(string bin, string root, int port)
    {
        this.bin = bin;
        data = Path.Combine(root, "data");
        socket = Path.Combine(root, "sock");
        logFile = Path.Combine(root, "server.log");
        Port = port;
        asPostgresUser = Environment.UserName == "root";
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=3;Command Timeout=30";

    /// <summary>The newest /usr/lib/postgresql/*/bin holding initdb, or null when PostgreSQL is not installed.</summary>
    public static string? FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root)) return null;
        return Directory.EnumerateDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException("PostgreSQL binaries are not installed");
        var root = Path.Combine(Path.GetTempPath(), "streamrisk-pg-recovery-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "sock"));
        var server = new ThrowawayPostgres(bin, root, FreePort());
        if (server.asPostgresUser)
        {
            await Run("chown", "-R", "postgres:", root);
        }
        await server.Tool("initdb", "-D", server.data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale");
        await server.StartServerAsync();
        return server;
    }

    public Task StartServerAsync() => Tool("pg_ctl", "-D", data, "-l", logFile, "-w", "-t", "30",
        "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -k {socket} -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
        "start");

    /// <summary>Fast shutdown: open connections are cut, as when the database host restarts.</summary>
    public Task StopServerAsync() => Tool("pg_ctl", "-D", data, "-m", "fast", "-w", "-t", "30", "stop");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Tool("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        try
        {
            Directory.Delete(Path.GetDirectoryName(data)!, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private Task Tool(string tool, params string[] args)
    {
        var path = Path.Combine(bin, tool);
        return asPostgresUser ? Run("runuser", ["-u", "postgres", "--", path, .. args]) : Run(path, args);
    }

    private static async Task Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {await stdout}{await stderr}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
