using System.Globalization;
using System.Text;
using StreamRisk.RiskModels.Default.Classifiers;
using StreamRisk.RiskModels.Default.Evaluation;

namespace StreamRisk.RiskModels.Training.Default.RealData;

/// <summary>One model's held-out ranking metrics of P(bad) on one seed's split.</summary>
public readonly record struct BinaryScores(int Seed, double Auc, double PrAuc, double Ks, double Brier);

/// <summary>One model on one set over all seeds.</summary>
public sealed record RealCreditModelResult(string Model, IReadOnlyList<BinaryScores> Runs, MetricSummary Auc, MetricSummary PrAuc, MetricSummary Ks, MetricSummary Brier);

public sealed record RealCreditResult(string Set, int Rows, int Features, double BadRate, double TestFraction, IReadOnlyList<RealCreditModelResult> Models);

/// <summary>
/// The tabular baselines on a real credit set. These sets are cross-sectional (one row per applicant, no issuer or
/// time), so a seeded stratified hold-out is the only honest split available: the simulator's rule "by issuer and by
/// time, never random rows" cannot apply. Per seed: stratified split (test share <c>testFraction</c>), each model fitted
/// on the training part (standardisation and SMOTE there only), scored on the test part.
/// </summary>
public static class RealCreditEvaluation
{
    public static RealCreditResult Run(BinaryTabularSet set, IReadOnlyList<Func<IDefaultClassifier>> models, IReadOnlyList<int> seeds,
        double testFraction = 0.3, Action<string>? progress = null)
    {
        var runs = models.Select(_ => new List<BinaryScores>()).ToArray();
        var names = new string[models.Count];
        foreach (var seed in seeds)
        {
            var (train, test) = StratifiedSplit.Split(set.Labels, testFraction, seed);
            var trainX = train.Select(i => set.Features[i]).ToArray();
            var trainY = train.Select(i => set.Labels[i]).ToArray();
            var testX = test.Select(i => set.Features[i]).ToArray();
            var testBad = test.Select(i => set.Labels[i] == 1).ToArray();
            for (var m = 0; m < models.Count; m++)
            {
                var model = models[m]();
                if (model.ClassCount != 2) throw new ArgumentException($"{model.Name} has {model.ClassCount} classes; the real sets are binary");
                names[m] = model.Name;
                var started = DateTime.UtcNow;
                model.Fit(trainX, trainY, seed);
                var p = model.PredictProbabilities(testX);
                var score = p.Select(r => r[1]).ToArray();
                var brier = score.Select((s, i) => (s - (testBad[i] ? 1 : 0)) * (s - (testBad[i] ? 1 : 0))).Average();
                runs[m].Add(new BinaryScores(seed, BinaryRanking.Auc(score, testBad), BinaryRanking.AveragePrecision(score, testBad), BinaryRanking.Ks(score, testBad), brier));
                progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                    $"{set.Name} seed {seed} {model.Name}: AUC {runs[m][^1].Auc:0.000} ({(DateTime.UtcNow - started).TotalSeconds:0.0} s)"));
            }
        }
        return new RealCreditResult(set.Name, set.Labels.Length, set.FeatureNames.Count, set.BadRate, testFraction,
            runs.Select((r, m) => new RealCreditModelResult(names[m], r,
                MetricSummary.Of("auc", r.Select(s => s.Auc)), MetricSummary.Of("pr_auc", r.Select(s => s.PrAuc)),
                MetricSummary.Of("ks", r.Select(s => s.Ks)), MetricSummary.Of("brier", r.Select(s => s.Brier)))).ToArray());
    }

    /// <summary>A Markdown table: one row per set and model, mean ± sd over the seeds.</summary>
    public static string Markdown(IReadOnlyList<RealCreditResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| set | rows | bad rate | model | PR-AUC | AUC | KS | Brier |");
        text.AppendLine("|---|---:|---:|---|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            foreach (var m in r.Models)
            {
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {r.Set} | {r.Rows} | {r.BadRate:0.000} | {m.Model} | {Cell(m.PrAuc)} | {Cell(m.Auc)} | {Cell(m.Ks)} | {Cell(m.Brier)} |"));
            }
        }
        return text.ToString();
    }

    private static string Cell(MetricSummary s) => string.Create(CultureInfo.InvariantCulture, $"{s.Mean:0.000} ± {s.StandardDeviation:0.000}");
}
