using System.Diagnostics;
using System.Globalization;
using StreamRisk.RiskModels.Artifacts;
using StreamRisk.RiskModels.Baselines;
using StreamRisk.RiskModels.Data;
using StreamRisk.RiskModels.Evaluation;
using StreamRisk.RiskModels.Forecasting;

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
/// vs separately weighted firm and industry scores) and the iTransformer with and without its sentiment variates, over
/// several seeds, all on the same chronological split; Diebold–Mariano tests on the test part.
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

    public static SpreadExperimentResult Run(SpreadExperimentOptions options, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        progress?.Report(new TrainingProgress(0, 1, "reading the market"));
        var series = MarketFiles.Read(options.SpreadsFile, options.FundamentalsFile, options.DailyIndexFile, options.MaxIssuers);
        var dataset = new SpreadDataset(series, options.Window, SpreadFeatures.DefaultHorizons);
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

        var jobs = options.Seeds * 2;
        var job = 0;
        ModelResult Network(string name, IReadOnlySet<string> hidden, string folder)
        {
            var runs = new List<ForecastRun>();
            var artifacts = new List<string>();
            for (var seed = 1; seed <= options.Seeds; seed++)
            {
                var directory = Path.Combine(options.OutDirectory, "models", folder, string.Create(CultureInfo.InvariantCulture, $"seed-{seed}"));
                var label = string.Create(CultureInfo.InvariantCulture, $"{name}, seed {seed} ({job + 1}/{jobs})");
                var inner = progress is null ? null : new Relay(p => progress.Report(new TrainingProgress(job * 1000 + 1000 * p.Done / Math.Max(p.Total, 1), jobs * 1000L, $"{label}: {p.Stage}")));
                var trained = SpreadTrainer.Train(dataset, hidden, seed, options.Training, directory,
                    string.Create(CultureInfo.InvariantCulture, $"spread-itransformer-{folder}@{dataset.Sha256()[..8]}-s{seed}"),
                    options.CodeVersion, options.Source, inner, cancellationToken);
                runs.Add(ForecastEvaluation.FromForecasts(name, dataset, test, SpreadTrainer.ForecastBps(trained.Artifact, dataset, test)));
                artifacts.Add(directory);
                job++;
            }
            return new ModelResult(name, runs, Ensemble(name, dataset, runs), artifacts);
        }
        var without = Network(ITransformerWithout, SpreadFeatures.Sentiment, "without-sentiment");
        var with = Network(ITransformerWith, new HashSet<string>(), "with-sentiment");
        models.Add(without);
        models.Add(with);

        ModelComparison Compare(string question, string a, string b)
        {
            var ma = models.Single(m => m.Name == a).Ensemble;
            var mb = models.Single(m => m.Name == b).Ensemble;
            return new ModelComparison(question, a, b,
                Enumerable.Range(0, dataset.Horizons.Count).Select(k => ForecastEvaluation.Compare(dataset, ma, mb, k)).ToList());
        }
        var comparisons = new List<ModelComparison>
        {
            Compare("Does sentiment help the iTransformer?", ITransformerWith, ITransformerWithout),
            Compare("Does sentiment help ARX?", ArxWith, ArxWithout),
            Compare("Does the iTransformer (with sentiment) beat the random walk?", ITransformerWith, RandomWalk),
            Compare("Does the iTransformer (with sentiment) beat ARX (with sentiment)?", ITransformerWith, ArxWith),
            Compare("Learned (least-squares) firm/industry weights vs the fixed composite?", ArxLearned, ArxFixed),
        };

        var attention = MeanAttention(SpreadForecastModel.Load(with.Artifacts[0]), dataset, test);
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
