using System.CommandLine;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary><c>streamrisk replay</c>: runs the inputs a store kept through a fresh pipeline and checks the results match.</summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "Database of an earlier run whose stored inputs are replayed.", Required = true };
        var issuers = CommonOptions.Issuers();
        var reference = CommonOptions.Reference();
        var out_ = CommonOptions.Out();
        var db = CommonOptions.Db("Database file for the replay's results (must not be --from). Default: <out>/streamrisk.db, or a temporary file.");
        var batch = CommonOptions.BatchSize();
        var chunk = CommonOptions.ChunkSize();
        var quiet = CommonOptions.Quiet();
        var models = new ModelCommandOptions();
        var command = new Command("replay", "Re-run stored history through the pipeline; reports whether the daily index, scores and alerts equal the live run's.")
        {
            from, issuers, reference, out_, db, batch, chunk, quiet,
        };
        models.AddTo(command);
        command.SetAction((result, cancellationToken) => CommandRunner.ExecuteAsync(
            new RunOptions
            {
                Inputs = [],
                ReplayFrom = result.GetValue(from),
                IssuersFile = result.GetValue(issuers),
                ReferenceDirectory = result.GetValue(reference),
                OutDirectory = result.GetValue(out_),
                DatabasePath = result.GetValue(db),
                BatchSize = result.GetValue(batch),
                ChunkSize = result.GetValue(chunk),
                Models = models.Read(result),
            },
            PipelineRun.RunAsync, result.GetValue(quiet), "replay", cancellationToken));
        return command;
    }
}
