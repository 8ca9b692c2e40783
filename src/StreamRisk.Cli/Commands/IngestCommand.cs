using System.CommandLine;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary><c>streamrisk ingest</c>: only validation, normalisation and de-duplication; stores documents and dead letters.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var input = CommonOptions.Input();
        var out_ = CommonOptions.Out();
        var db = CommonOptions.Db("SQLite database file to store documents and dead letters in. Default: <out>/streamrisk.db, or a temporary file.");
        var batch = CommonOptions.BatchSize();
        var chunk = CommonOptions.ChunkSize();
        var quiet = CommonOptions.Quiet();
        var command = new Command("ingest", "Validate, normalise and de-duplicate input texts (docs.v1 / dlq.v1) without scoring them.")
        {
            input, out_, db, batch, chunk, quiet,
        };
        command.SetAction((result, cancellationToken) => CommandRunner.ExecuteAsync(
            new RunOptions
            {
                Inputs = result.GetValue(input)!,
                OutDirectory = result.GetValue(out_),
                DatabasePath = result.GetValue(db),
                BatchSize = result.GetValue(batch),
                ChunkSize = result.GetValue(chunk),
                IngestOnly = true,
            },
            PipelineRun.RunAsync, result.GetValue(quiet), "ingest", cancellationToken));
        return command;
    }
}
