using System.Diagnostics;

namespace StreamRisk.Cli.Tests.Recovery;

/// <summary><c>streamrisk run</c> over the recovery stream into one store, as a child process (the built CLI).</summary>
internal static class RunProcess
{
    // The reference store is written in-process with the library's default models (the lexicon firm scorer); the CLI's
    // default firm model is the trained one, so the runs name the lexicon to compare like with like.
    public static string[] Arguments(RecoveryStream stream, string database) =>
        [.. stream.InputFiles.SelectMany(f => new[] { "--input", f }).Prepend("run"), "--reference", stream.ReferenceDirectory, "--db", database,
            "--firm-model", "lexicon"];

    public static Process Start(RecoveryStream stream, string database)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "streamrisk.dll"));
        foreach (var argument in Arguments(stream, database))
        {
            start.ArgumentList.Add(argument);
        }
        return Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
    }
}
