using Spectre.Console;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary>Runs a pipeline command with a progress bar, prints the summary, and turns known failures into clear messages.</summary>
internal static class CommandRunner
{
    public delegate Task<RunSummary> Runner(RunOptions options, IProgress<RunProgress>? progress, CancellationToken cancellationToken);

    /// <returns>0 on success, 1 when a replay differs from the live run, 2 on bad input or configuration.</returns>
    public static async Task<int> ExecuteAsync(RunOptions options, Runner runner, bool quiet, string verb, CancellationToken cancellationToken)
    {
        try
        {
            RunSummary summary;
            if (quiet || Console.IsOutputRedirected)
            {
                summary = await runner(options, null, cancellationToken);
            }
            else
            {
                summary = await AnsiConsole.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask($"{verb}: input records");
                        var progress = new Progress<RunProgress>(p =>
                        {
                            task.MaxValue = Math.Max(1, p.Total);
                            task.Value = p.Done;
                        });
                        var s = await runner(options, progress, cancellationToken);
                        task.Value = task.MaxValue;
                        return s;
                    });
            }
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
        }
        catch (Exception ex) when (ex is ConfigurationException or InputException)
        {
            await Console.Error.WriteLineAsync($"streamrisk {verb}: {ex.Message}");
            return 2;
        }
    }
}
