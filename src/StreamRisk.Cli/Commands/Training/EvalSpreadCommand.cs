using System.CommandLine;
using Spectre.Console;
using StreamRisk.RiskModels.Training.Reports;
using StreamRisk.RiskModels.Training.Training;

namespace StreamRisk.Cli.Commands.Training;

/// <summary><c>streamrisk eval spread</c>: the spread-forecasting study (baselines, iTransformer with/without sentiment, DM tests) and its report.</summary>
internal static class EvalSpreadCommand
{
    public static Command Create()
    {
        var shared = new SpreadCommandOptions();
        var out_ = new Option<string?>("--out", "-o") { Description = "Report folder (report.md, SVG charts, models/). Default: reports/spread-<sim folder name>." };
        var seeds = new Option<int>("--seeds") { Description = "Seeds per network (metrics are mean ± sd over them).", DefaultValueFactory = _ => 3 };
        var models = new Option<string>("--models")
        {
            Description = $"Comma-separated model families to run besides the random walk, AR and ARX: {string.Join(", ", SpreadModelFamilies.All)} "
                + "(attnmlp: a small MLP head on the fixed composite vs on the AttnMLP learned composite). The served iTransformer's charts need itransformer.",
            DefaultValueFactory = _ => string.Join(',', SpreadModelFamilies.All),
        };
        var command = new Command("spread", "Credit-spread forecasting on a simulated market: random walk, AR/ARX, LightGBM, and the iTransformer and LSTM "
            + "with and without sentiment over several seeds, plus fixed vs AttnMLP-learned aggregation of firm and industry sentiment, on one "
            + "chronological split; MAE/MAPE/RMSE per horizon, Diebold-Mariano tests, SVG charts. "
            + "Writes <out>/report.md; trained networks go to <out>/models (resumable).");
        foreach (var option in shared.All) command.Options.Add(option);
        command.Options.Add(out_);
        command.Options.Add(seeds);
        command.Options.Add(models);
        command.SetAction((r, ct) => CommandErrors.GuardAsync("eval spread", async () =>
        {
            var quiet = r.GetValue(shared.Quiet);
            var sim = r.GetValue(shared.Sim)!;
            // Checked before the market is read (which may run the pipeline first).
            var families = TrainSpreadCommand.Guard(() => SpreadModelFamilies.Parse(r.GetValue(models)!));
            var (spreads, fundamentals, index) = await SpreadCommandOptions.MarketFilesAsync(sim, r.GetValue(shared.Index), quiet, ct);
            var outDirectory = r.GetValue(out_) ?? Path.Combine("reports", "spread-" + Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(sim))));
            var options = new SpreadExperimentOptions
            {
                SpreadsFile = spreads, FundamentalsFile = fundamentals, DailyIndexFile = index, OutDirectory = outDirectory,
                Source = $"simulation `{Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(sim)))}` ({SimulationSize(sim)}), daily index `{index}`",
                CodeVersion = SpreadCommandOptions.CodeVersion, Seeds = r.GetValue(seeds), Window = r.GetValue(shared.Window),
                MaxIssuers = r.GetValue(shared.MaxIssuers), Training = shared.Training(r),
                Models = families,
            };
            var result = await ProgressBar.RunAsync<SpreadExperimentResult, TrainingProgress>("eval spread", quiet, p => (p.Done, p.Total),
                progress => Task.Run(() => TrainSpreadCommand.Guard(() => SpreadExperiment.Run(options, progress, ct)), ct));
            var command = "streamrisk eval spread " + string.Join(' ', Environment.GetCommandLineArgs().Skip(3));
            var report = SpreadReport.Write(result, command.Trim(), TimeProvider.System.GetUtcNow());
            if (!quiet) AnsiConsole.MarkupLineInterpolated($"report: [blue]{report}[/]");
            return 0;
        }));
        return command;
    }

    private static string SimulationSize(string sim)
    {
        var manifest = Path.Combine(sim, "truth", "manifest.json");
        if (!File.Exists(manifest)) return "size unknown";
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(manifest));
        var root = json.RootElement;
        return $"{root.GetProperty("issuers").GetInt32()} issuers × {root.GetProperty("years").GetInt32()} years, seed {root.GetProperty("seed")}";
    }
}
