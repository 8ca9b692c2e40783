using System.Diagnostics;

namespace StreamRisk.Cli.Tests.Recovery;

/// <summary>
/// <c>streamrisk worker all</c> as a child process (the built CLI, as <see cref="Commands.CliProcess"/> runs it) on the
/// given environment. Every incarnation appends its stdout and stderr to one log file, so that a failing test can show
/// what the worker said across all its restarts.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly IReadOnlyDictionary<string, string> environment;
    private readonly string referenceDirectory;
    private readonly StreamWriter log;
    private readonly object logLock = new();
    private Process? process;
    private bool disposed;

    public WorkerProcess(IReadOnlyDictionary<string, string> environment, string referenceDirectory, string logPath)
    {
        this.environment = environment;
        this.referenceDirectory = referenceDirectory;
        LogPath = logPath;
        log = new StreamWriter(logPath, append: true) { AutoFlush = true };
    }

    public string LogPath { get; }

    public int Starts { get; private set; }

    public bool IsRunning => process is { HasExited: false };

    public void Start()
    {
        if (IsRunning) throw new InvalidOperationException("the worker is already running");
        process?.Dispose();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The lexicon, as the in-process reference runs these tests compare with use (the library default).
        foreach (var arg in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "streamrisk.dll"), "worker", "all", "--reference", referenceDirectory, "--firm-model", "lexicon" })
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        Starts++;
        Write($"---- start {Starts} at {DateTimeOffset.UtcNow:HH:mm:ss.fff}");
        process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Write(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Write("stderr: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>SIGKILL: the process gets no chance to finish its batch, commit or close anything.</summary>
    public void Kill()
    {
        var p = process ?? throw new InvalidOperationException("no worker was started");
        p.Kill(entireProcessTree: false);
        p.WaitForExit();
        Write($"---- SIGKILL at {DateTimeOffset.UtcNow:HH:mm:ss.fff}");
    }

    /// <summary>SIGTERM, as a container stop sends it: the worker finishes its batch and exits.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        var p = process ?? throw new InvalidOperationException("no worker was started");
        using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill();
            throw new TimeoutException($"the worker did not stop within {timeout} of SIGTERM{Environment.NewLine}{Tail()}");
        }
        Write($"---- exited with {p.ExitCode} after SIGTERM");
        return p.ExitCode;
    }

    /// <summary>The last lines of the log, for failure messages.</summary>
    public string Tail(int lines = 60)
    {
        lock (logLock)
        {
            if (!disposed) log.Flush();
        }
        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var all = reader.ReadToEnd().Split('\n');
        return $"worker log {LogPath} (last {lines} lines):{Environment.NewLine}" + string.Join('\n', all.TakeLast(lines));
    }

    public void Dispose()
    {
        if (IsRunning)
        {
            process!.Kill();
            process.WaitForExit();
        }
        process?.Dispose();
        lock (logLock)
        {
            disposed = true;
            log.Dispose();
        }
    }

    private void Write(string line)
    {
        lock (logLock)
        {
            // Output of a killed process can still arrive after the test is done with it.
            if (!disposed) log.WriteLine(line);
        }
    }
}
