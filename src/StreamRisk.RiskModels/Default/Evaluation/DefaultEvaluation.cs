using System.Globalization;
using System.Text;
using StreamRisk.RiskModels.Default.Classifiers;

namespace StreamRisk.RiskModels.Default.Evaluation;

/// <summary>One model over all seeds: each seed's metrics and their mean ± sd (runs that miss a class not counted).</summary>
public sealed record DefaultModelRuns(string Model, IReadOnlyList<DefaultMetrics> Runs, DefaultMetricsSummary Summary);

/// <summary>
/// Fits each model once per seed on the training rows and scores the test rows. The split itself is the caller's: for
/// the simulator by issuer and by time (issue 11), never random rows.
/// </summary>
public static class DefaultEvaluation
{
    public static IReadOnlyList<DefaultModelRuns> Run(
        IReadOnlyList<double[]> trainFeatures, IReadOnlyList<int> trainLabels,
        IReadOnlyList<double[]> testFeatures, IReadOnlyList<int> testLabels,
        IReadOnlyList<Func<IDefaultClassifier>> models, IReadOnlyList<int> seeds, Action<string>? progress = null)
    {
        var results = new List<DefaultModelRuns>();
        foreach (var create in models)
        {
            var runs = new List<DefaultMetrics>();
            var name = "";
            foreach (var seed in seeds)
            {
                var model = create();
                name = model.Name;
                model.Fit(trainFeatures, trainLabels, seed);
                var metrics = DefaultMetrics.Of(model.PredictProbabilities(testFeatures), testLabels);
                runs.Add(metrics);
                progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                    $"{name} seed {seed}: macro F1 {metrics.MacroF1:0.000}, macro AUC {metrics.MacroAuc:0.000}{(metrics.PredictsAllClasses ? "" : " (misses a class: not counted)")}"));
            }
            results.Add(new DefaultModelRuns(name, runs, DefaultMetricsSummary.Of(runs)));
        }
        return results;
    }

    /// <summary>The headline table, mean ± sd over counted runs: macro recall, macro F1, mAP, macro AUC, failure KS, Brier, class-wise ECE.</summary>
    public static string Markdown(IReadOnlyList<DefaultModelRuns> results)
    {
        string[] columns = ["macro_recall", "macro_f1", "map", "macro_auc", "failure_ks", "brier", "macro_ece"];
        var text = new StringBuilder();
        text.AppendLine("| model | runs counted | macro recall | macro F1 | mAP | macro AUC | failure KS | Brier | ECE |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.Append(string.Create(CultureInfo.InvariantCulture, $"| {r.Model} | {r.Summary.Counted}/{r.Runs.Count} |"));
            foreach (var c in columns)
            {
                var s = r.Summary.Counted == 0 ? default : r.Summary[c];
                text.Append(r.Summary.Counted == 0 ? " – |" : string.Create(CultureInfo.InvariantCulture, $" {s.Mean:0.000} ± {s.StandardDeviation:0.000} |"));
            }
            text.AppendLine();
        }
        return text.ToString();
    }
}
