using System.CommandLine;
using System.Reflection;
using StreamRisk.Pipeline.Evaluation;
using StreamRisk.Pipeline.Running;
using StreamRisk.RiskModels.Training.Training;

namespace StreamRisk.Cli.Commands.Training;

/// <summary>Options <c>train spread</c> and <c>eval spread</c> share, and where their market data comes from.</summary>
internal sealed class SpreadCommandOptions
{
    public Option<string> Sim { get; } = new("--sim") { Description = "Folder written by streamrisk simulate (spreads.jsonl, fundamentals.jsonl, news.jsonl).", Required = true };
    public Option<string?> Index { get; } = new("--index")
    {
        Description = "The pipeline's sentiment.daily.v1.jsonl for that market. Default: <sim>/eval/topics/sentiment.daily.v1.jsonl, "
            + "written by `streamrisk eval --sim` (run first, automatically, when it is missing).",
    };
    public Option<int> Window { get; } = new("--window") { Description = "Trading days in the input window.", DefaultValueFactory = _ => 7 };
    public Option<int?> MaxIssuers { get; } = new("--max-issuers") { Description = "Use only the first N issuers (by id)." };
    public Option<int> Epochs { get; } = new("--epochs") { Description = "Most epochs per network; training stops earlier when validation loss stops improving.", DefaultValueFactory = _ => 8 };
    public Option<int> Patience { get; } = new("--patience") { Description = "Epochs without a better validation loss before stopping.", DefaultValueFactory = _ => 2 };
    public Option<int> MaxTrain { get; } = new("--max-train") { Description = "Most training examples drawn (with the seed) from the train part.", DefaultValueFactory = _ => 200_000 };
    public Option<int> DModel { get; } = new("--d-model") { Description = "Width of the networks: iTransformer tokens, the LSTM's hidden state, the AttnMLP encoders and MLP head.", DefaultValueFactory = _ => 32 };
    public Option<int> Heads { get; } = new("--heads") { Description = "Attention heads (must divide --d-model).", DefaultValueFactory = _ => 4 };
    public Option<int> Layers { get; } = new("--layers") { Description = "Encoder layers.", DefaultValueFactory = _ => 2 };
    public Option<int> BatchSize { get; } = new("--batch-size") { Description = "Training batch size.", DefaultValueFactory = _ => 256 };
    public Option<double> LearningRate { get; } = new("--learning-rate") { Description = "Adam learning rate.", DefaultValueFactory = _ => 1e-3 };
    public Option<int> Threads { get; } = new("--threads") { Description = "CPU threads for TorchSharp.", DefaultValueFactory = _ => 2 };
    public Option<bool> Quiet { get; } = CommonOptions.Quiet();

    public IEnumerable<Option> All => [Sim, Index, Window, MaxIssuers, Epochs, Patience, MaxTrain, DModel, Heads, Layers, BatchSize, LearningRate, Threads, Quiet];

    public SpreadTrainingOptions Training(ParseResult r) => new()
    {
        Epochs = r.GetValue(Epochs), Patience = r.GetValue(Patience), MaxTrainExamples = r.GetValue(MaxTrain), DModel = r.GetValue(DModel),
        Heads = r.GetValue(Heads), Layers = r.GetValue(Layers), FeedForward = 2 * r.GetValue(DModel), BatchSize = r.GetValue(BatchSize),
        LearningRate = r.GetValue(LearningRate), Threads = r.GetValue(Threads),
    };

    public static string CodeVersion =>
        typeof(SpreadCommandOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The three market files, running the pipeline over the simulation first when its daily index is missing.</summary>
    public static async Task<(string Spreads, string Fundamentals, string Index)> MarketFilesAsync(string sim, string? index, bool quiet, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(sim)) throw new ConfigurationException($"--sim '{sim}' is not a folder (give the --out folder of streamrisk simulate)");
        var spreads = Path.Combine(sim, "spreads.jsonl");
        var fundamentals = Path.Combine(sim, "fundamentals.jsonl");
        foreach (var file in new[] { spreads, fundamentals })
        {
            if (!File.Exists(file)) throw new ConfigurationException($"--sim '{sim}' has no {Path.GetFileName(file)}; is it the --out folder of streamrisk simulate?");
        }
        if (index is not null)
        {
            if (!File.Exists(index)) throw new ConfigurationException($"--index '{index}' does not exist (give the sentiment.daily.v1.jsonl a pipeline run over this market wrote)");
            return (spreads, fundamentals, index);
        }
        var options = new EvaluationOptions { SimulationDirectory = sim };
        var daily = Path.Combine(options.ResolvedOutDirectory, "topics", "sentiment.daily.v1.jsonl");
        if (!File.Exists(daily))
        {
            await ProgressBar.RunAsync<EvaluationResult, RunProgress>("daily index: pipeline over the simulation", quiet, p => (p.Done, p.Total),
                progress => SimulationEvaluation.RunAsync(options, progress, cancellationToken));
        }
        return (spreads, fundamentals, daily);
    }
}
