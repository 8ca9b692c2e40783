using System.Diagnostics;
using System.Globalization;
using StreamRisk.RiskModels.Default;
using StreamRisk.RiskModels.Default.Classifiers;
using StreamRisk.RiskModels.Default.Evaluation;
using StreamRisk.RiskModels.Default.Features;
using StreamRisk.RiskModels.Default.Sampling;

namespace StreamRisk.RiskModels.Training.Training;

/// <summary>One model of the default-class study: its test metrics per counted seed, their mean ± sd, seed 1's
/// probabilities (for the curves) and where its trained artifacts went.</summary>
public sealed record DefaultModelResult(
    string Key, string Name, string Family, IReadOnlyList<DefaultMetrics> Runs, DefaultMetricsSummary Summary,
    double[][] FirstSeedProbabilities, TimeSpan TrainingTime, IReadOnlyList<string> Artifacts);

/// <summary>What EMDLOT attended to on the test split (seed 1): mean feature attention by quarter before the origin
/// per cluster (hard assignment), and the class make-up of each cluster.</summary>
public sealed record EmdlotInsight(IReadOnlyList<string> Features, IReadOnlyList<double[,]> AttentionByCluster, int[,] ClassesByCluster,
    double NumbersWeight, double TextWeight);

public sealed record DefaultExperimentResult(
    DefaultExperimentOptions Options, DefaultDataset Dataset, IReadOnlyList<DefaultModelResult> Models, EmdlotInsight? Insight, TimeSpan Elapsed)
{
    /// <summary>The model with the best mean macro-F1 over its counted runs (the study's headline metric); ties: mAP.</summary>
    public DefaultModelResult? Winner => Models.Where(m => m.Summary.Counted > 0)
        .OrderByDescending(m => m.Summary["macro_f1"].Mean).ThenByDescending(m => m.Summary["map"].Mean).FirstOrDefault();
}

/// <summary>
/// The default-class study on a simulated market: the prior, logistic regression, an MLP, LightGBM and FastTree (each with
/// and without SMOTE), the GAN + CNN and text-embedding MLP seed systems, EMDLOT and its ablations, each over several
/// seeds, all on the same issuer × time split; test metrics only (the test split is never used to train or stop).
/// </summary>
public static class DefaultExperiment
{
    public static DefaultExperimentResult Run(DefaultExperimentOptions options, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        progress?.Report(new TrainingProgress(0, 1, "building the dataset"));
        var dataset = DefaultDataset.Load(options.SimulationDirectory, options.Dataset, DisclosureChapters.CreateEmbedder());
        var train = dataset.Train;
        var validation = dataset.Validation;
        var test = dataset.Test;
        if (train.Count == 0 || validation.Count == 0 || test.Count == 0)
        {
            throw new ArgumentException($"the market is too small to split: {train.Count} train, {validation.Count} validation, {test.Count} test examples");
        }
        var testLabels = test.Select(e => (int)e.Label).ToArray();
        var specs = DefaultModels.Specs.Where(s => options.Models is null || options.Models.Contains(s.Key)).ToList();
        var jobs = specs.Sum(s => s.Seeded ? options.Seeds : 1);
        var job = 0;
        var context = new DefaultModelContext(dataset, options);
        var results = new List<DefaultModelResult>();
        EmdlotInsight? insight = null;
        foreach (var spec in specs)
        {
            var runs = new List<DefaultMetrics>();
            var artifacts = new List<string>();
            double[][]? first = null;
            var time = TimeSpan.Zero;
            for (var seed = options.FirstSeed; seed < options.FirstSeed + (spec.Seeded ? options.Seeds : 1); seed++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var label = string.Create(CultureInfo.InvariantCulture, $"{spec.Name}, seed {seed} ({job + 1}/{jobs})");
                var inner = progress is null ? null : new Relay(p => progress.Report(new TrainingProgress(job * 1000L + 1000 * p.Done / Math.Max(p.Total, 1), jobs * 1000L, $"{label}: {p.Stage}")));
                progress?.Report(new TrainingProgress(job * 1000L, jobs * 1000L, label));
                var started = Stopwatch.GetTimestamp();
                var run = spec.Run(context, seed, inner, cancellationToken);
                time += Stopwatch.GetElapsedTime(started);
                runs.Add(DefaultMetrics.Of(run.Probabilities, testLabels));
                if (run.Artifact is not null) artifacts.Add(run.Artifact);
                if (seed == options.FirstSeed)
                {
                    first = run.Probabilities;
                    if (spec.Key == DefaultModels.Emdlot && run.Artifact is not null) insight = DefaultModels.Insight(run.Artifact, test);
                }
                job++;
            }
            results.Add(new DefaultModelResult(spec.Key, spec.Name, spec.Family, runs, DefaultMetricsSummary.Of(runs), first!, time, artifacts));
        }
        return new DefaultExperimentResult(options, dataset, results, insight, clock.Elapsed);
    }

    private sealed class Relay(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
