using System.CommandLine;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary><c>streamrisk run</c>: every stage in one process over the embedded bus and a SQLite store.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var input = CommonOptions.Input();
        var issuers = CommonOptions.Issuers();
        var reference = CommonOptions.Reference();
        var out_ = CommonOptions.Out();
        var db = CommonOptions.Db("SQLite database file for the results (created if missing; a re-run over the same input leaves the same rows). Default: <out>/streamrisk.db, or a temporary file without --out.");
        var batch = CommonOptions.BatchSize();
        var chunk = CommonOptions.ChunkSize();
        var quiet = CommonOptions.Quiet();
        var models = new ModelCommandOptions();
        var command = new Command("run", "Run all stages (ingest, enrich, firm and industry sentiment, aggregate, score, alert, store) over the input and print a summary.")
        {
            input, issuers, reference, out_, db, batch, chunk, quiet,
        };
        models.AddTo(command);
        command.SetAction((result, cancellationToken) => CommandRunner.ExecuteAsync(
            new RunOptions
            {
                Inputs = result.GetValue(input)!,
                IssuersFile = result.GetValue(issuers),
                ReferenceDirectory = result.GetValue(reference),
                OutDirectory = result.GetValue(out_),
                DatabasePath = result.GetValue(db),
                BatchSize = result.GetValue(batch),
                ChunkSize = result.GetValue(chunk),
                Models = models.Read(result),
            },
            PipelineRun.RunAsync, result.GetValue(quiet), "run", cancellationToken));
        return command;
    }
}
