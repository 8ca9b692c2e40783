using System.CommandLine;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary><c>streamrisk run</c>: every stage in one process over the embedded bus and a SQLite store.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var input = CommonOptions.Input();
        var shared = new PipelineCommandOptions("SQLite database file for the results (created if missing; a re-run over the same input takes nothing in again, and one after a run that was cut short finishes its work; a file that is not a StreamRisk store, or is from a newer StreamRisk, or is in use by another writer, is refused with exit 2). Default: <out>/streamrisk.db, or a temporary file without --out.");
        var command = new Command("run", "Run all stages (ingest, enrich, firm and industry sentiment, aggregate, score, alert, store) over the input and print a summary. "
            + "Exit codes: 0 success; 2 bad input or configuration; 3 completed, but more than half of the news texts read were refused as too late "
            + "(check published_at of your feed and its order).")
        {
            input,
        };
        shared.AddTo(command);
        command.SetAction((result, cancellationToken) => CommandRunner.ExecuteAsync(
            shared.Read(result, new RunOptions { Inputs = result.GetValue(input)! }),
            PipelineRun.RunAsync, shared.Quiet(result), "run", cancellationToken));
        return command;
    }
}
