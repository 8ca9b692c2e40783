using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using StreamRisk.RiskModels.Default;
using StreamRisk.RiskModels.Training.Training;

namespace StreamRisk.Cli.Commands.Training;

/// <summary><c>streamrisk train default</c>: trains one servable default-class model on a simulated market and writes its artifact.</summary>
internal static class TrainDefaultCommand
{
    public static Command Create()
    {
        var shared = new DefaultCommandOptions();
        var out_ = new Option<string>("--out", "-o") { Description = "Artifact folder to write (manifest.json, weights.safetensors; checkpoint/ for resuming).", Required = true };
        var seed = new Option<int>("--seed") { Description = "Training seed.", DefaultValueFactory = _ => 1 };
        var model = new Option<string>("--model") { Description = "Which model: " + string.Join(", ", DefaultModels.Servable) + " (the ones --risk-model serves).", DefaultValueFactory = _ => DefaultModels.Emdlot };
        model.AcceptOnlyFromAmong([.. DefaultModels.Servable]);
        var command = new Command("default", "Train a default-class model (EMDLOT, one of its ablations, the plain LSTM, the text-embedding MLP or the MLP) "
            + "on a simulated market's training split, with early stopping on its validation split; print its test metrics and write its artifact. "
            + "EMDLOT-family training resumes from <out>/checkpoint when run again with the same data, options and seed. Serve it with --risk-model <out>; compare all models with streamrisk eval default.");
        foreach (var option in shared.All) command.Options.Add(option);
        command.Options.Add(out_);
        command.Options.Add(seed);
        command.Options.Add(model);
        command.SetAction((r, ct) => CommandErrors.GuardAsync("train default", async () =>
        {
            var quiet = r.GetValue(shared.Quiet);
            var sim = DefaultCommandOptions.SimulationFolder(r.GetValue(shared.Sim)!);
            var key = r.GetValue(model)!;
            var options = new DefaultExperimentOptions
            {
                SimulationDirectory = sim, OutDirectory = r.GetValue(out_)!, ArtifactDirectory = r.GetValue(out_)!, Source = DefaultCommandOptions.Describe(sim),
                CodeVersion = SpreadCommandOptions.CodeVersion, Seeds = 1, FirstSeed = r.GetValue(seed), Models = new HashSet<string> { key },
                Dataset = shared.Dataset(r), Emdlot = shared.Emdlot(r), Threads = r.GetValue(shared.Threads),
            };
            var result = await ProgressBar.RunAsync<DefaultExperimentResult, TrainingProgress>("train default", quiet, p => (p.Done, p.Total),
                progress => Task.Run(() => TrainSpreadCommand.Guard(() => DefaultExperiment.Run(options, progress, ct)), ct));
            if (!quiet)
            {
                var trained = result.Models.Single();
                var artifact = DefaultClassModels.Load(trained.Artifacts[0]);
                AnsiConsole.MarkupLineInterpolated($"model: [bold]{artifact.Version}[/]");
                var table = new Table().AddColumn("test measure").AddColumn(new TableColumn("value").RightAligned());
                foreach (var (name, value) in trained.Runs[0].Scalars().Take(10)) table.AddRow(name, value.ToString("0.0000", CultureInfo.InvariantCulture));
                table.AddRow("predicts all three classes", trained.Runs[0].PredictsAllClasses ? "yes" : "no");
                AnsiConsole.Write(table);
                AnsiConsole.MarkupLineInterpolated($"artifact: [blue]{Path.Combine(trained.Artifacts[0], "manifest.json")}[/]");
            }
            return 0;
        }));
        return command;
    }
}
