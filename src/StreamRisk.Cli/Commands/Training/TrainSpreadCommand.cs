using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using StreamRisk.Pipeline.Running;
using StreamRisk.RiskModels.Artifacts;
using StreamRisk.RiskModels.Data;
using StreamRisk.RiskModels.Training.Training;

namespace StreamRisk.Cli.Commands.Training;

/// <summary><c>streamrisk train spread</c>: trains one iTransformer spread forecaster on a simulated market and writes its artifact.</summary>
internal static class TrainSpreadCommand
{
    public static Command Create()
    {
        var shared = new SpreadCommandOptions();
        var out_ = new Option<string>("--out", "-o") { Description = "Artifact folder to write (manifest.json, weights.safetensors; checkpoint/ for resuming).", Required = true };
        var seed = new Option<long>("--seed") { Description = "Training seed.", DefaultValueFactory = _ => 1 };
        var without = new Option<bool>("--without-sentiment") { Description = "Mask the sentiment inputs (the A/B's control model)." };
        var command = new Command("spread", "Train the iTransformer credit-spread forecaster (horizons 1-5 and 20 trading days) on a simulated market. "
            + "Training resumes from <out>/checkpoint when run again with the same data, options and seed. Serve it with --spread-model <out>.");
        foreach (var option in shared.All) command.Options.Add(option);
        command.Options.Add(out_);
        command.Options.Add(seed);
        command.Options.Add(without);
        command.SetAction((r, ct) => CommandErrors.GuardAsync("train spread", async () =>
        {
            var quiet = r.GetValue(shared.Quiet);
            var (spreads, fundamentals, index) = await SpreadCommandOptions.MarketFilesAsync(r.GetValue(shared.Sim)!, r.GetValue(shared.Index), quiet, ct);
            var training = shared.Training(r);
            var window = r.GetValue(shared.Window);
            var maxIssuers = r.GetValue(shared.MaxIssuers);
            var directory = r.GetValue(out_)!;
            var s = r.GetValue(seed);
            var hidden = r.GetValue(without) ? SpreadFeatures.Sentiment : new HashSet<string>();
            var trained = await ProgressBar.RunAsync<TrainedSpreadModel, TrainingProgress>("train spread", quiet, p => (p.Done, p.Total), progress => Task.Run(() =>
                Guard(() =>
                {
                    training.Validate();
                    var dataset = new SpreadDataset(MarketFiles.Read(spreads, fundamentals, index, maxIssuers), window, SpreadFeatures.DefaultHorizons);
                    var version = string.Create(CultureInfo.InvariantCulture,
                        $"spread-itransformer-{(hidden.Count == 0 ? "with" : "without")}-sentiment@{dataset.Sha256()[..8]}-s{s}");
                    return SpreadTrainer.Train(dataset, hidden, s, training, directory, version, SpreadCommandOptions.CodeVersion,
                        $"simulation {Path.GetFullPath(r.GetValue(shared.Sim)!)}", progress, ct);
                }), ct));
            if (!quiet)
            {
                AnsiConsole.MarkupLineInterpolated($"model: [bold]{trained.Artifact.Manifest.ModelVersion}[/]");
                var table = new Table().AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
                foreach (var (name, value) in trained.Artifact.Manifest.Metrics) table.AddRow(name, value.ToString("0.0000", CultureInfo.InvariantCulture));
                table.AddRow("epochs run / best", $"{trained.EpochsRun} / {trained.BestEpoch}");
                table.AddRow("resumed from checkpoint", trained.Resumed ? "yes" : "no");
                AnsiConsole.Write(table);
                AnsiConsole.MarkupLineInterpolated($"artifact: [blue]{trained.Artifact.ManifestPath}[/]");
            }
            return 0;
        }));
        return command;
    }

    /// <summary>Bad options, unreadable market files and unusable artifacts are the user's to fix: exit code 2.</summary>
    internal static T Guard<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (ArgumentException ex)
        {
            throw new ConfigurationException(ex.Message, ex);
        }
        catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException or ModelArtifactException)
        {
            throw new InputException(ex.Message);
        }
    }
}
