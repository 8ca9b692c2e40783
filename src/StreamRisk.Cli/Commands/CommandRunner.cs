using Spectre.Console;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary>Runs a pipeline command with a progress bar, prints the summary, and turns known failures into clear messages.</summary>
internal static class CommandRunner
{
    public delegate Task<RunSummary> Runner(RunOptions options, IProgress<RunProgress>? progress, CancellationToken cancellationToken);

    /// <returns>0 on success, 1 when a replay differs from the live run, 2 on bad input or configuration.</returns>
    public static Task<int> ExecuteAsync(RunOptions options, Runner runner, bool quiet, string verb, CancellationToken cancellationToken)
    {
        return CommandErrors.GuardAsync(verb, async () =>
        {
            var summary = await ProgressBar.RunAsync<RunSummary, RunProgress>($"{verb}: input", quiet, p => (p.Done, p.Total),
                progress => runner(options, progress, cancellationToken));
            if (!quiet)
            {
                SummaryTable.Write(summary);
            }
            if (summary.ReplayMismatches is { Count: > 0 } mismatches)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]replay differs from the live run in {mismatches.Count} place(s):[/]");
                foreach (var m in mismatches.Take(20))
                {
                    AnsiConsole.WriteLine("  " + m);
                }
                return 1;
            }
            return 0;
        });
    }
}
