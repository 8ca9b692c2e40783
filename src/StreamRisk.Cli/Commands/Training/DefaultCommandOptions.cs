using System.CommandLine;
using System.Text.Json;
using StreamRisk.Pipeline.Running;
using StreamRisk.RiskModels.Default;
using StreamRisk.RiskModels.Training.Training;

namespace StreamRisk.Cli.Commands.Training;

/// <summary>Options <c>train default</c> and <c>eval default</c> share.</summary>
internal sealed class DefaultCommandOptions
{
    public Option<string> Sim { get; } = new("--sim", "--data")
    {
        Description = "Folder written by streamrisk simulate (fundamentals.jsonl, disclosures.jsonl, macro.csv, truth/). "
            + "Simulate with --extended-share and --defaulted-share high enough to leave failures in the test split.",
        Required = true,
    };
    public Option<int> Steps { get; } = new("--steps") { Description = "Newest quarters a sequence model reads.", DefaultValueFactory = _ => 8 };
    public Option<int> Epochs { get; } = new("--epochs") { Description = "Most EMDLOT epochs (pre-training and warm-up included); early stopping on validation macro-F1.", DefaultValueFactory = _ => 30 };
    public Option<int> Patience { get; } = new("--patience") { Description = "Epochs without a better validation macro-F1 before stopping.", DefaultValueFactory = _ => 5 };
    public Option<int> Hidden { get; } = new("--hidden") { Description = "T-LSTM hidden units.", DefaultValueFactory = _ => 64 };
    public Option<int> Clusters { get; } = new("--clusters") { Description = "Soft clusters (1: no clustering).", DefaultValueFactory = _ => 3 };
    public Option<int> BatchSize { get; } = new("--batch-size") { Description = "Training batch size.", DefaultValueFactory = _ => 128 };
    public Option<double> LearningRate { get; } = new("--learning-rate") { Description = "Adam learning rate.", DefaultValueFactory = _ => 1e-3 };
    public Option<int> Threads { get; } = new("--threads") { Description = "CPU threads for TorchSharp.", DefaultValueFactory = _ => 2 };
    public Option<bool> Quiet { get; } = CommonOptions.Quiet();

    public IEnumerable<Option> All => [Sim, Steps, Epochs, Patience, Hidden, Clusters, BatchSize, LearningRate, Threads, Quiet];

    public EmdlotTrainingOptions Emdlot(ParseResult r) => new()
    {
        Steps = r.GetValue(Steps), Epochs = r.GetValue(Epochs), Patience = r.GetValue(Patience), Hidden = r.GetValue(Hidden),
        Clusters = r.GetValue(Clusters), BatchSize = r.GetValue(BatchSize), LearningRate = r.GetValue(LearningRate), Threads = r.GetValue(Threads),
    };

    public DefaultDatasetOptions Dataset(ParseResult r) => DefaultDatasetOptions.Default with { MaxQuarters = r.GetValue(Steps) };

    /// <summary>The simulation folder, checked before any work.</summary>
    public static string SimulationFolder(string sim)
    {
        if (!Directory.Exists(sim)) throw new ConfigurationException($"--sim '{sim}' is not a folder (give the --out folder of streamrisk simulate)");
        foreach (var file in new[] { "fundamentals.jsonl", "disclosures.jsonl", "macro.csv", Path.Combine("truth", "outcome_events.csv") })
        {
            if (!File.Exists(Path.Combine(sim, file)))
            {
                throw new ConfigurationException($"--sim '{sim}' has no {file}; is it the --out folder of streamrisk simulate (this version writes macro.csv)?");
            }
        }
        return sim;
    }

    /// <summary>"2,000 issuers × 10 years, seed 7, 5 % extended, 3 % defaulted", from the simulation's manifest.</summary>
    public static string Describe(string sim)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(sim)));
        var manifest = Path.Combine(sim, "truth", "manifest.json");
        if (!File.Exists(manifest)) return $"simulation `{name}`";
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        var root = json.RootElement;
        return $"simulation `{name}` ({root.GetProperty("issuers").GetInt32()} issuers × {root.GetProperty("years").GetInt32()} years, seed {root.GetProperty("seed")})";
    }
}
