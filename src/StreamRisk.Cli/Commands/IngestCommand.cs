using System.CommandLine;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary><c>streamrisk ingest</c>: only validation, normalisation and de-duplication; stores documents and dead letters.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var input = CommonOptions.Input();
        var shared = new PipelineCommandOptions("SQLite database file to store documents and dead letters in. Default: <out>/streamrisk.db, or a temporary file.",
            withReference: false, withModels: false);
        var command = new Command("ingest", "Validate, normalise and de-duplicate input texts (docs.v1 / dlq.v1) without scoring them.")
        {
            input,
        };
        shared.AddTo(command);
        command.SetAction((result, cancellationToken) => CommandRunner.ExecuteAsync(
            shared.Read(result, new RunOptions { Inputs = result.GetValue(input)!, IngestOnly = true }),
            PipelineRun.RunAsync, shared.Quiet(result), "ingest", cancellationToken));
        return command;
    }
}
