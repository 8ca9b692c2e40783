using System.Diagnostics;

namespace StreamRisk.Cli.Tests.Commands;

/// <summary>
/// Runs the built <c>streamrisk</c> program in a child process, so a test sees exactly what a user sees: the exit code
/// and stderr (the commands write to the process console, which tests running in parallel must not share).
/// </summary>
internal static class CliProcess
{
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => RunWith(new Dictionary<string, string>(), args);

    /// <summary>Runs with these environment variables set for the child only (the test process's own stay untouched).</summary>
    public static (int ExitCode, string Stdout, string Stderr) RunWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "streamrisk.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(program);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("streamrisk " + string.Join(' ', args) + " did not finish in 2 minutes");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public static string NewTempDirectory() => StreamRisk.Tests.Shared.TestScratch.NewDirectory();
}
