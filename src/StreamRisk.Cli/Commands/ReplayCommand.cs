using System.CommandLine;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary><c>streamrisk replay</c>: runs the inputs a store kept through a fresh pipeline and checks the results match.</summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "Store of an earlier run whose stored inputs are replayed; only read. A file that is not a StreamRisk store (empty, another format, another program's SQLite database) is refused with exit 2.", Required = true };
        var shared = new PipelineCommandOptions("Database file for the replay's results (must not be --from). Default: <out>/streamrisk.db, or a temporary file.");
        var command = new Command("replay", "Re-run stored history through the pipeline; reports whether the daily index, scores and alerts equal the live run's (give the run's --chunk-size and models).")
        {
            from,
        };
        shared.AddTo(command);
        command.SetAction((result, cancellationToken) => CommandRunner.ExecuteAsync(
            shared.Read(result, new RunOptions { Inputs = [], ReplayFrom = result.GetValue(from) }),
            PipelineRun.RunAsync, shared.Quiet(result), "replay", cancellationToken));
        return command;
    }
}
