using System.Diagnostics;
using StreamRisk.Tests.Shared;

namespace StreamRisk.Api.Tests.Dashboard;

/// <summary>
/// Node.js, where the machine has it: the dashboard's modules are checked and their pure functions tested with
/// <c>node --check</c> and <c>node --test</c> (no npm packages: the built-in runner only).
/// </summary>
internal static class NodeJs
{
    public static string? Program { get; } = Find();

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "node"))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs node with <paramref name="args"/> in the checkout; the exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Program ?? throw new InvalidOperationException("node is not on PATH"))
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        // No colour codes in the output that a failed assertion prints.
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}

/// <summary>A fact that needs node: skipped, with the reason, where it is not on PATH, unless STREAMRISK_REQUIRE_NODE=1
/// (CI), where the test then runs and fails.</summary>
public sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (NodeJs.Program is null && Environment.GetEnvironmentVariable("STREAMRISK_REQUIRE_NODE") != "1")
        {
            Skip = "node is not on PATH: install Node.js (18 or later) to check the dashboard's scripts, "
                + "or set STREAMRISK_REQUIRE_NODE=1 to fail instead of skipping";
        }
    }
}
