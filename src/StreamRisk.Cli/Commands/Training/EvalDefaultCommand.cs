using System.CommandLine;
using Spectre.Console;
using StreamRisk.RiskModels.Training.Reports;
using StreamRisk.RiskModels.Training.Training;

namespace StreamRisk.Cli.Commands.Training;

/// <summary><c>streamrisk eval default</c>: the default-class study (baselines, seed systems, EMDLOT and ablations) and its report.</summary>
internal static class EvalDefaultCommand
{
    public static Command Create()
    {
        var shared = new DefaultCommandOptions();
        var out_ = new Option<string?>("--out", "-o") { Description = "Report folder (report.md, SVG charts, models/). Default: reports/default-<sim folder name>." };
        var seeds = new Option<int>("--seeds") { Description = "Seeds per seeded model (metrics are mean ± sd over them).", DefaultValueFactory = _ => 3 };
        var models = new Option<string[]>("--models")
        {
            Description = "Models to run (default: all): " + string.Join(", ", DefaultModels.Keys) + ".",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("default", "Default-class prediction (performing / extended / defaulted) on a simulated market: the class prior, "
            + "logistic regression, MLP, LightGBM, FastTree (with and without SMOTE), GAN + CNN, text-embedding MLP, a plain LSTM, EMDLOT and its "
            + "ablations, over seeds, on one issuer x time split; macro recall/F1, mAP, AUC, PR-AUC, KS, Brier, ECE; SVG charts. Writes <out>/report.md; "
            + "trained networks go to <out>/models (resumable).");
        foreach (var option in shared.All) command.Options.Add(option);
        command.Options.Add(out_);
        command.Options.Add(seeds);
        command.Options.Add(models);
        command.SetAction((r, ct) => CommandErrors.GuardAsync("eval default", async () =>
        {
            var quiet = r.GetValue(shared.Quiet);
            var sim = DefaultCommandOptions.SimulationFolder(r.GetValue(shared.Sim)!);
            var outDirectory = r.GetValue(out_) ?? Path.Combine("reports", "default-" + Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(sim))));
            var chosen = r.GetValue(models) is { Length: > 0 } m ? m.SelectMany(x => x.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal) : null;
            var options = new DefaultExperimentOptions
            {
                SimulationDirectory = sim, OutDirectory = outDirectory, Source = DefaultCommandOptions.Describe(sim),
                CodeVersion = SpreadCommandOptions.CodeVersion, Seeds = r.GetValue(seeds), Models = chosen,
                Dataset = shared.Dataset(r), Emdlot = shared.Emdlot(r), Threads = r.GetValue(shared.Threads),
            };
            var result = await ProgressBar.RunAsync<DefaultExperimentResult, TrainingProgress>("eval default", quiet, p => (p.Done, p.Total),
                progress => Task.Run(() => TrainSpreadCommand.Guard(() => DefaultExperiment.Run(options, progress, ct)), ct));
            var command = "streamrisk eval default " + string.Join(' ', Environment.GetCommandLineArgs().Skip(3));
            var report = DefaultReport.Write(result, command.Trim(), TimeProvider.System.GetUtcNow());
            if (!quiet)
            {
                foreach (var line in DefaultReport.Table(result)) Console.WriteLine(line);
                AnsiConsole.MarkupLineInterpolated($"report: [blue]{report}[/]");
            }
            return 0;
        }));
        return command;
    }
}
