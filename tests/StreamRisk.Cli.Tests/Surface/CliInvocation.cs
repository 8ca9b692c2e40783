using System.Diagnostics;
using StreamRisk.Pipeline.Hosting;

namespace StreamRisk.Cli.Tests.Surface;

/// <summary>
/// Runs the built <c>streamrisk</c> in a child process with a chosen environment: the <c>STREAMRISK_*</c> variables of
/// the test process are removed, then <paramref name="environment"/> is applied, so a test sees exactly the settings it
/// names and never changes the environment of tests running beside it.
/// </summary>
internal static class CliInvocation
{
    public static (int ExitCode, string Stdout, string Stderr) Run(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "streamrisk.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var name in PipelineSettings.Variables) start.Environment.Remove(name);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("streamrisk " + string.Join(' ', args) + " did not finish in a minute");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) =>
        Run(new Dictionary<string, string>(), args);
}
