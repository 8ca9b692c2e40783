using System.CommandLine;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary><c>streamrisk run</c>: every stage in one process over the embedded bus and a SQLite store.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var input = CommonOptions.Input();
        var shared = new PipelineCommandOptions("SQLite database file for the results (created if missing; a re-run over the same input leaves the same rows; a file that is not a StreamRisk store, or is from a newer StreamRisk, is refused with exit 2). Default: <out>/streamrisk.db, or a temporary file without --out.");
        var command = new Command("run", "Run all stages (ingest, enrich, firm and industry sentiment, aggregate, score, alert, store) over the input and print a summary.")
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
