using Spectre.Console;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary>Runs a pipeline command with a progress bar, prints the summary, and turns known failures into clear messages.</summary>
internal static class CommandRunner
{
    public delegate Task<RunSummary> Runner(RunOptions options, IProgress<RunProgress>? progress, CancellationToken cancellationToken);

    /// <summary>Exit code of a run that completed but refused most of its news texts as too late.</summary>
    public const int MostInputTooLate = 3;

    /// <returns>0 on success, 1 when a replay differs from the live run, 2 on bad input or configuration, 3 when more
    /// than half of the news texts read were refused as too late.</returns>
    public static Task<int> ExecuteAsync(RunOptions options, Runner runner, bool quiet, string verb, CancellationToken cancellationToken)
    {
        return CommandErrors.GuardAsync(verb, async () =>
        {
            var summary = await ProgressBar.RunAsync<RunSummary, RunProgress>($"{verb}: input", quiet, p => (p.Done, p.Total),
                progress => runner(options, progress, cancellationToken));
            if (!quiet)
            {
                SummaryTable.Write(summary);
                PlacementLines.Write(summary.Placement, summary.PlacedIssuers);
                // On stderr, with file and line, so they are seen beside errors and can be fixed in the file.
                if (summary.ReferenceWarnings.Count > 0)
                {
                    await Console.Error.WriteLineAsync($"reference data warnings: {summary.ReferenceWarnings.Count}").ConfigureAwait(false);
                    foreach (var referenceWarning in summary.ReferenceWarnings)
                    {
                        await Console.Error.WriteLineAsync("  " + referenceWarning.Message).ConfigureAwait(false);
                    }
                }
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
            // Loud even with --quiet: a run that refused most of its input must not look like a success to a script.
            if (summary.TooLateWarning is { } warning)
            {
                await Console.Error.WriteLineAsync(warning).ConfigureAwait(false);
                return MostInputTooLate;
            }
            return 0;
        });
    }
}
