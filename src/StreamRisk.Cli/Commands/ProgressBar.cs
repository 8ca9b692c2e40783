using Spectre.Console;

namespace StreamRisk.Cli.Commands;

/// <summary>Runs long work under one progress bar (none when quiet or when output is redirected to a file or pipe).</summary>
internal static class ProgressBar
{
    /// <param name="measure">Reads (done, total) out of the work's own progress report.</param>
    public static async Task<T> RunAsync<T, TProgress>(string label, bool quiet, Func<TProgress, (long Done, long Total)> measure,
        Func<IProgress<TProgress>?, Task<T>> work)
    {
        if (quiet || Console.IsOutputRedirected)
        {
            return await work(null);
        }
        return await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(label);
                var progress = new Progress<TProgress>(p =>
                {
                    var (done, total) = measure(p);
                    task.MaxValue = Math.Max(1, total);
                    task.Value = done;
                });
                var result = await work(progress);
                task.Value = task.MaxValue;
                return result;
            });
    }
}
