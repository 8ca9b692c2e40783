using System.Diagnostics;
using System.Globalization;
using StreamRisk.RiskModels.Artifacts;
using StreamRisk.RiskModels.Baselines;
using StreamRisk.RiskModels.Data;
using StreamRisk.RiskModels.Evaluation;
using StreamRisk.RiskModels.Forecasting;
using StreamRisk.RiskModels.Training.Baselines;

namespace StreamRisk.RiskModels.Training.Training;

/// <summary>A model's test forecasts: one run per seed (deterministic baselines have one) and the seed-averaged forecast.</summary>
public sealed record ModelResult(string Name, IReadOnlyList<ForecastRun> Seeds, ForecastRun Ensemble, IReadOnlyList<string> Artifacts);

/// <summary>A Diebold–Mariano comparison of two models' test absolute errors, per horizon (A − B; negative: A better).</summary>
public sealed record ModelComparison(string Question, string A, string B, IReadOnlyList<DieboldMarianoResult> PerHorizon);

public sealed record SpreadExperimentResult(
    SpreadExperimentOptions Options, SpreadDataset Dataset, IReadOnlyList<ModelResult> Models, IReadOnlyList<ModelComparison> Comparisons,
    IReadOnlyDictionary<string, double> Attention, TimeSpan Elapsed);

/// <summary>
/// The spread forecasting study: random walk, AR and ARX by least squares (with and without sentiment; fixed composite
/// vs separately weighted firm and industry scores), LightGBM on the lagged window, and the networks chosen in
/// <see cref="SpreadExperimentOptions.Models"/> (iTransformer and LSTM with and without sentiment; a small MLP head on
/// the fixed composite vs on MulFSA's AttnMLP composite) over several seeds, all on the same chronological split;
/// Diebold–Mariano tests on the test part.
/// </summary>
public static class SpreadExperiment
{
    public const string RandomWalk = "random walk";
    public const string Ar = "AR (spread only)";
    public const string ArxWithout = "ARX without sentiment";
    public const string ArxWith = "ARX with sentiment";
    public const string ArxFixed = "ARX, fixed composite (0.7 firm + 0.3 industry)";
    public const string ArxLearned = "ARX, firm and industry weighted by least squares";
    public const string ITransformerWithout = "iTransformer without sentiment";
    public const string ITransformerWith = "iTransformer with sentiment";
    public const string LightGbmWithout = "LightGBM without sentiment";
    public const string LightGbmWith = "LightGBM with sentiment";
    public const string LstmWithout = "LSTM without sentiment";
    public const string LstmWith = "LSTM with sentiment";
    public const string HeadFixed = "MLP head, fixed composite (0.7 firm + 0.3 industry)";
    public const string HeadAttnMlp = "MLP head, AttnMLP learned composite";
    public const string AggregationQuestion = "AttnMLP learned composite vs the fixed composite (same MLP head)?";

    public static SpreadExperimentResult Run(SpreadExperimentOptions options, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        progress?.Report(new TrainingProgress(0, 1, "reading the market"));
        var series = MarketFiles.Read(options.SpreadsFile, options.FundamentalsFile, options.DailyIndexFile, options.MaxIssuers);
        return Run(options, new SpreadDataset(series, options.Window, SpreadFeatures.DefaultHorizons), clock, progress, cancellationToken);
    }

    /// <summary>The study on an already built dataset (the options' market files are not read).</summary>
    public static SpreadExperimentResult Run(SpreadExperimentOptions options, SpreadDataset dataset, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        options.Validate();
        return Run(options, dataset, Stopwatch.StartNew(), progress, cancellationToken);
    }

    private static SpreadExperimentResult Run(SpreadExperimentOptions options, SpreadDataset dataset, Stopwatch clock, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        if (dataset.Train.Count == 0 || dataset.Validation.Count == 0 || dataset.Test.Count == 0)
        {
            throw new ArgumentException($"the market is too short to split: {dataset.Train.Count} train, {dataset.Validation.Count} validation, {dataset.Test.Count} test examples");
        }
        var test = dataset.Test;
        var models = new List<ModelResult>();
        ModelResult Deterministic(ISpreadForecaster f)
        {
            var run = ForecastEvaluation.Run(f, dataset, test);
            return new ModelResult(f.Name, [run], run, []);
        }
        models.Add(Deterministic(new RandomWalkForecaster()));
        models.Add(Deterministic(LinearWindowForecaster.Fit(Ar, dataset, [SpreadFeatures.LogSpread, SpreadFeatures.LogSpreadChange])));
        models.Add(Deterministic(LinearWindowForecaster.Fit(ArxWithout, dataset, SpreadFeatures.WithoutSentiment)));
        models.Add(Deterministic(LinearWindowForecaster.Fit(ArxWith, dataset, SpreadFeatures.All)));
        models.Add(Deterministic(LinearWindowForecaster.Fit(ArxFixed, dataset,
            [.. SpreadFeatures.WithoutSentiment, SpreadFeatures.IndexSmoothed, SpreadFeatures.Composite])));
        models.Add(Deterministic(LinearWindowForecaster.Fit(ArxLearned, dataset,
            [.. SpreadFeatures.WithoutSentiment, SpreadFeatures.FirmScore, SpreadFeatures.MesoScore])));
        var selected = options.Models;
        if (selected.Contains(SpreadModelFamilies.LightGbm))
        {
            progress?.Report(new TrainingProgress(0, 1, "LightGBM"));
            models.Add(Deterministic(LightGbmWindowForecaster.Fit(LightGbmWithout, dataset, SpreadFeatures.WithoutSentiment)));
            models.Add(Deterministic(LightGbmWindowForecaster.Fit(LightGbmWith, dataset, SpreadFeatures.All)));
        }

        var jobs = options.Seeds * 2 * selected.Count(f => f != SpreadModelFamilies.LightGbm);
        var job = 0;
        var noneHidden = new HashSet<string>();
        ModelResult Network(string name, IReadOnlySet<string> hidden, string folder, SpreadNetworkKind? kind)
        {
            var runs = new List<ForecastRun>();
            var artifacts = new List<string>();
            for (var seed = 1; seed <= options.Seeds; seed++)
            {
                var directory = Path.Combine(options.OutDirectory, "models", folder, string.Create(CultureInfo.InvariantCulture, $"seed-{seed}"));
                var label = string.Create(CultureInfo.InvariantCulture, $"{name}, seed {seed} ({job + 1}/{jobs})");
                var inner = progress is null ? null : new Relay(p => progress.Report(new TrainingProgress(job * 1000 + 1000 * p.Done / Math.Max(p.Total, 1), jobs * 1000L, $"{label}: {p.Stage}")));
                if (kind is { } k)
                {
                    var run = SpreadNetworkTrainer.TrainAndForecast(k, dataset, hidden, seed, options.Training, directory, test, inner, cancellationToken);
                    runs.Add(ForecastEvaluation.FromForecasts(name, dataset, test, run.ForecastBps));
                }
                else
                {
                    var trained = SpreadTrainer.Train(dataset, hidden, seed, options.Training, directory,
                        string.Create(CultureInfo.InvariantCulture, $"spread-itransformer-{folder}@{dataset.Sha256()[..8]}-s{seed}"),
                        options.CodeVersion, options.Source, inner, cancellationToken);
                    runs.Add(ForecastEvaluation.FromForecasts(name, dataset, test, SpreadTrainer.ForecastBps(trained.Artifact, dataset, test)));
                    artifacts.Add(directory);
                }
                job++;
            }
            return new ModelResult(name, runs, Ensemble(name, dataset, runs), artifacts);
        }
        if (selected.Contains(SpreadModelFamilies.ITransformer))
        {
            models.Add(Network(ITransformerWithout, SpreadFeatures.Sentiment, "without-sentiment", null));
            models.Add(Network(ITransformerWith, noneHidden, "with-sentiment", null));
        }
        if (selected.Contains(SpreadModelFamilies.Lstm))
        {
            models.Add(Network(LstmWithout, SpreadFeatures.Sentiment, "lstm-without-sentiment", SpreadNetworkKind.Lstm));
            models.Add(Network(LstmWith, noneHidden, "lstm-with-sentiment", SpreadNetworkKind.Lstm));
        }
        if (selected.Contains(SpreadModelFamilies.AttnMlp))
        {
            models.Add(Network(HeadFixed, noneHidden, "head-fixed-composite", SpreadNetworkKind.FixedComposite));
            models.Add(Network(HeadAttnMlp, noneHidden, "head-attnmlp", SpreadNetworkKind.AttnMlp));
        }

        ModelComparison Compare(string question, string a, string b)
        {
            var ma = models.Single(m => m.Name == a).Ensemble;
            var mb = models.Single(m => m.Name == b).Ensemble;
            return new ModelComparison(question, a, b,
                Enumerable.Range(0, dataset.Horizons.Count).Select(k => ForecastEvaluation.Compare(dataset, ma, mb, k)).ToList());
        }
        var comparisons = new List<ModelComparison>();
        void Add(string question, string a, string b)
        {
            if (models.Any(m => m.Name == a) && models.Any(m => m.Name == b)) comparisons.Add(Compare(question, a, b));
        }
        Add("Does sentiment help the iTransformer?", ITransformerWith, ITransformerWithout);
        Add("Does sentiment help ARX?", ArxWith, ArxWithout);
        Add("Does sentiment help LightGBM?", LightGbmWith, LightGbmWithout);
        Add("Does sentiment help the LSTM?", LstmWith, LstmWithout);
        Add("Does the iTransformer (with sentiment) beat the random walk?", ITransformerWith, RandomWalk);
        Add("Does LightGBM (with sentiment) beat the random walk?", LightGbmWith, RandomWalk);
        Add("Does the LSTM (with sentiment) beat the random walk?", LstmWith, RandomWalk);
        Add("Does the MLP head with the AttnMLP composite beat the random walk?", HeadAttnMlp, RandomWalk);
        Add("Does the iTransformer (with sentiment) beat ARX (with sentiment)?", ITransformerWith, ArxWith);
        Add("Learned (least-squares) firm/industry weights vs the fixed composite?", ArxLearned, ArxFixed);
        Add(AggregationQuestion, HeadAttnMlp, HeadFixed);

        var served = models.SingleOrDefault(m => m.Name == ITransformerWith);
        var attention = served is null
            ? new Dictionary<string, double>(StringComparer.Ordinal)
            : MeanAttention(SpreadForecastModel.Load(served.Artifacts[0]), dataset, test);
        return new SpreadExperimentResult(options, dataset, models, comparisons, attention, clock.Elapsed);
    }

    private static ForecastRun Ensemble(string name, SpreadDataset dataset, IReadOnlyList<ForecastRun> runs)
    {
        var h = dataset.Horizons.Count;
        var n = runs[0].Examples.Count;
        var mean = Enumerable.Range(0, h).Select(k =>
        {
            var values = new double[n];
            for (var i = 0; i < n; i++) values[i] = runs.Average(r => r.ForecastBps[k][i]);
            return values;
        }).ToArray();
        return ForecastEvaluation.FromForecasts(name, dataset, runs[0].Examples, mean);
    }

    /// <summary>The served model's attention of the spread token over the variates, averaged over (up to 5,000) test origins.</summary>
    private static Dictionary<string, double> MeanAttention(SpreadForecastModel model, SpreadDataset dataset, IReadOnlyList<SpreadExample> examples)
    {
        var sum = new double[model.Manifest.Features.Count];
        var attention = new float[sum.Length];
        var change = new double[model.Horizons.Count];
        var step = Math.Max(1, examples.Count / 5000);
        var count = 0;
        for (var i = 0; i < examples.Count; i += step)
        {
            model.PredictLogChanges(dataset.Series[examples[i].Series], examples[i].Origin, change, attention);
            for (var j = 0; j < sum.Length; j++) sum[j] += attention[j];
            count++;
        }
        return model.Manifest.Features.Select((f, j) => (f, j)).ToDictionary(p => p.f, p => sum[p.j] / Math.Max(count, 1), StringComparer.Ordinal);
    }

    private sealed class Relay(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
