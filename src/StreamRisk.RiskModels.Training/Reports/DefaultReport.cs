using System.Globalization;
using System.Text;
using StreamRisk.Core.Events;
using StreamRisk.RiskModels.Data;
using StreamRisk.RiskModels.Default;
using StreamRisk.RiskModels.Default.Evaluation;
using StreamRisk.RiskModels.Training.Training;

namespace StreamRisk.RiskModels.Training.Reports;

/// <summary>Writes <c>report.md</c> and its SVG charts for a <see cref="DefaultExperimentResult"/>.</summary>
public static class DefaultReport
{
    public const string FileName = "report.md";
    private static readonly string[] ClassNames = ["performing", "extended", "defaulted"];

    /// <summary>The table's columns: metric name in <see cref="DefaultMetrics.Scalars"/> and its heading.</summary>
    public static readonly IReadOnlyList<(string Metric, string Heading)> Columns =
    [
        ("macro_recall", "macro recall"), ("macro_f1", "macro F1"), ("map", "mAP"), ("macro_auc", "macro AUC"),
        ("failure_pr_auc", "PR-AUC (failure)"), ("failure_ks", "KS (failure)"), ("brier", "Brier"), ("macro_ece", "ECE (macro)"),
    ];

    public static string Write(DefaultExperimentResult result, string command, DateTimeOffset now)
    {
        var dir = result.Options.OutDirectory;
        Directory.CreateDirectory(dir);
        var charts = new List<(string File, string Caption)>();
        void Chart(string file, string caption, string svg)
        {
            File.WriteAllText(Path.Combine(dir, file), svg);
            charts.Add((file, caption));
        }
        var labels = result.Dataset.Test.Select(e => (int)e.Label).ToArray();
        var shown = Shown(result);
        foreach (var (cls, name) in new[] { (2, "defaulted"), (1, "extended") })
        {
            var prevalence = labels.Count(l => l == cls) / (double)Math.Max(labels.Length, 1);
            Chart($"pr-{name}.svg", $"Precision–recall for {name} (one vs rest; seed 1 of each model)",
                DefaultCharts.PrecisionRecall($"Test precision–recall: {name} vs rest (seed 1)",
                    shown.Select(m => (m.Name, (IReadOnlyList<(double, double)>)m.Runs[0].Classes[cls].Pr.Select(p => (p.Recall, p.Precision)).ToList())), prevalence));
        }
        Chart("calibration-defaulted.svg", "Reliability of P(defaulted) (seed 1)", DefaultCharts.Reliability("Test reliability of P(defaulted), seed 1",
            shown.Select(m => (m.Name, (IReadOnlyList<(double, double, int)>)m.Runs[0].Classes[2].Reliability.Select(b => (b.MeanPredicted, b.ObservedFrequency, b.Count)).ToList()))));
        foreach (var m in new[] { result.Winner, result.Models.FirstOrDefault(x => x.Key == "logistic") }.OfType<DefaultModelResult>().Distinct())
        {
            var c = m.Runs[0].Confusion;
            var grid = new int[3, 3];
            for (var t = 0; t < 3; t++) for (var p = 0; p < 3; p++) grid[t, p] = c[t][p];
            Chart($"confusion-{m.Key}.svg", $"Confusion matrix of {m.Name} (seed 1)", DefaultCharts.Confusion($"{m.Name}: test confusion (seed 1)", grid, ClassNames));
        }
        if (result.Insight is { } insight)
        {
            var steps = insight.AttentionByCluster[0].GetLength(1);
            var quarters = Enumerable.Range(0, steps).Select(t => t == steps - 1 ? "newest" : $"−{steps - 1 - t}").ToList();
            for (var k = 0; k < insight.AttentionByCluster.Count; k++)
            {
                var (weights, names) = TopFeatures(insight.AttentionByCluster[k], insight.Features, 16);
                Chart($"attention-cluster-{k + 1}.svg", $"EMDLOT feature attention by quarter, cluster {k + 1} (16 most attended features; seed 1, test)",
                    DefaultCharts.Attention($"EMDLOT attention, cluster {k + 1} (test, seed 1)", weights, names, quarters));
            }
            Chart("clusters.svg", "Class make-up of EMDLOT's clusters (test, seed 1, hard assignment)",
                DefaultCharts.ClusterComposition("EMDLOT clusters: test examples by true class", insight.ClassesByCluster, ClassNames));
        }
        var path = Path.Combine(dir, FileName);
        File.WriteAllText(path, Markdown(result, command, now, charts));
        return path;
    }

    /// <summary>The tables as they are printed on the console and written in the report.</summary>
    public static IReadOnlyList<string> Table(DefaultExperimentResult result)
    {
        var lines = new List<string>
        {
            "| model | runs counted | " + string.Join(" | ", Columns.Select(c => c.Heading)) + " | training (s) |",
            "|---|---:|" + string.Concat(Columns.Select(_ => "---:|")) + "---:|",
        };
        foreach (var m in result.Models)
        {
            var cells = Columns.Select(c => m.Summary.Counted == 0 ? "—" : Cell(m.Summary[c.Metric]));
            lines.Add(Inv($"| {m.Name} | {m.Summary.Counted}/{m.Runs.Count} | ") + string.Join(" | ", cells) + Inv($" | {m.TrainingTime.TotalSeconds / m.Runs.Count:0.0} |"));
        }
        return lines;
    }

    public static string Markdown(DefaultExperimentResult result, string command, DateTimeOffset now, IReadOnlyList<(string File, string Caption)> charts)
    {
        var d = result.Dataset;
        var o = result.Options;
        var md = new StringBuilder();
        void L(string line = "") => md.Append(line).Append('\n');
        L("# Default-class prediction: EMDLOT, the seed systems and baselines");
        L();
        L(Inv($"Written {now:yyyy-MM-dd HH:mm} UTC by `{command}` in {result.Elapsed.TotalMinutes:0.0} min (code {o.CodeVersion})."));
        L();
        L("## Verdict");
        L(Verdict(result));
        L();
        L("## Data");
        L(Inv($"- Source: {o.Source}."));
        L("- One example per issuer per quarter-end origin: the statements it had published by the origin (newest "
            + Inv($"{o.Dataset.MaxQuarters}), their 32 indicators and the macro indicators at each period end, the months between statements (the T-LSTM's Δt), and the disclosure texts per chapter ({string.Join(", ", DefaultDataset.Chapters)}) embedded by the built-in hashed n-gram embedder ({DisclosureChapters.EmbeddingDimension} dimensions). ")
            + Inv($"Label: the worst class the issuer is in during ({o.Dataset.GapQuarters} quarters, {o.Dataset.GapQuarters + o.Dataset.HorizonQuarters} quarters] after the origin; an issuer that changes class in the first {o.Dataset.GapQuarters} quarters is not an example at that origin (the study's exclusion of the last two quarters before an event)."));
        L("- Split by issuer **and** by time (never random rows): " + Inv($"validation from {d.ValidationStart:yyyy-MM-dd}, test from {d.TestStart:yyyy-MM-dd}; test issuers are never in training."));
        L("```");
        foreach (var line in d.Summary().TrimEnd().Split('\n')) L(line);
        L("```");
        L(Inv($"- Training-data SHA-256 {d.Sha256()}."));
        var testCounts = d.ClassCounts(SplitPart.Test);
        if (testCounts.Any(c => c < 10))
        {
            L(Inv($"- **Caution:** the test split holds {testCounts[0]} performing, {testCounts[1]} extended and {testCounts[2]} defaulted examples. ")
                + "A class with fewer than about ten test examples makes its recall, AUC and AP (and every macro figure) too noisy to rank models on; "
                + "a class with none leaves AUC, AP and mAP undefined (n/a). Simulate more issuers or higher failure shares.");
        }
        L();
        L("## Test metrics");
        L(Inv($"Mean ± sd over {o.Seeds} seeds for seeded models (one run for deterministic ones). A run counts only if it predicts all three classes (issue 11); ")
            + "'runs counted' says how many did. Failure = extended or defaulted, scored by P(extended) + P(defaulted). Lower is better for Brier and ECE.");
        L();
        foreach (var line in Table(result)) L(line);
        L();
        L("Per class (seed-mean over counted runs; recall / AUC / average precision):");
        L();
        L("| model | " + string.Join(" | ", ClassNames.Select(c => $"{c} recall | {c} AUC | {c} AP")) + " |");
        L("|---|" + string.Concat(Enumerable.Repeat("---:|", 9)));
        foreach (var m in result.Models.Where(m => m.Summary.Counted > 0))
        {
            L($"| {m.Name} | " + string.Join(" | ", ClassNames.SelectMany(c => new[] { $"{c}_recall", $"{c}_auc", $"{c}_ap" }).Select(n => Cell(m.Summary[n]))) + " |");
        }
        L();
        L("## Models");
        foreach (var m in result.Models) L($"- **{m.Name}** (`--models {m.Key}`, {m.Family})" + (m.Artifacts.Count > 0 ? $": artifacts in `{Relative(o.OutDirectory, m.Artifacts[0])}` …" : ""));
        L("- Tabular models read the newest statement's indicators, their change on the previous one, the macro indicators, the number of statements, "
            + "months since the newest statement and which chapters had text in the newest four quarters; standardised on the training split; SMOTE (k = 5) on the training split only.");
        L(Inv($"- EMDLOT: T-LSTM over the newest {o.Emdlot.Steps} quarters (Δt decay 1/ln(e + Δt)), feature attention (τ {o.Emdlot.FeatureTemperature}), chapter attention (τ {o.Emdlot.ChapterTemperature}), modality attention (τ {o.Emdlot.ModalityTemperature}), hidden {o.Emdlot.Hidden}, {o.Emdlot.Clusters} soft clusters with a head each (λ_dist {o.Emdlot.LambdaDist}, λ_sep {o.Emdlot.LambdaSep}, K-means start and warm-up), SMOTE to 1:1:1 on the training sequences, Adam lr {o.Emdlot.LearningRate}, batch {o.Emdlot.BatchSize}, at most {o.Emdlot.Epochs} epochs with early stopping on validation macro-F1 (patience {o.Emdlot.Patience}); scored by the served C# forward pass."));
        L("- The seed systems are adapted to this data and to three classes; their published figures (seed 002: AUC 0.9157, precision 0.8871; seed 004: PR-AUC 0.865, recall 0.918) are on other data and are not comparable with these.");
        if (result.Insight is { } insight)
        {
            L();
            L("## What EMDLOT looked at");
            L(Inv($"Modality attention, averaged over the test quarters: numbers {insight.NumbersWeight:0.000}, text {insight.TextWeight:0.000}."));
            L();
            L("| cluster | " + string.Join(" | ", ClassNames) + " |");
            L("|---|---:|---:|---:|");
            for (var k = 0; k < insight.ClassesByCluster.GetLength(0); k++)
            {
                L(Inv($"| {k + 1} | {insight.ClassesByCluster[k, 0]} | {insight.ClassesByCluster[k, 1]} | {insight.ClassesByCluster[k, 2]} |"));
            }
        }
        L();
        L("## Charts");
        foreach (var (file, caption) in charts)
        {
            L();
            L($"![{caption}]({file})");
        }
        return md.ToString();
    }

    private static string Verdict(DefaultExperimentResult result)
    {
        var winner = result.Winner;
        if (winner is null) return "No model predicted all three classes in any run: the test split is too small or too imbalanced to rank them.";
        var text = new StringBuilder();
        text.Append(Inv($"**{winner.Name}** has the best mean test macro-F1 ({Cell(winner.Summary["macro_f1"])})"));
        foreach (var key in new[] { "logistic", "prior" })
        {
            if (result.Models.FirstOrDefault(m => m.Key == key) is not { } baseline || baseline == winner) continue;
            text.Append(baseline.Summary.Counted == 0
                ? Inv($"; {baseline.Name} never predicted all three classes")
                : Inv($"; {baseline.Name}: {Cell(baseline.Summary["macro_f1"])}"));
        }
        text.Append('.');
        if (result.Models.FirstOrDefault(m => m.Key == DefaultModels.Emdlot) is { } emdlot && emdlot != winner)
        {
            text.Append(emdlot.Summary.Counted == 0
                ? " EMDLOT never predicted all three classes here."
                : Inv($" EMDLOT does not win here: {Cell(emdlot.Summary["macro_f1"])}."));
            var logistic = result.Models.FirstOrDefault(m => m.Key == "logistic");
            if (emdlot.Summary.Counted > 0 && logistic is { Summary.Counted: > 0 } && emdlot.Summary["macro_f1"].Mean <= logistic.Summary["macro_f1"].Mean)
            {
                text.Append(" It does not beat logistic regression on macro-F1.");
            }
        }
        return text.ToString();
    }

    /// <summary>Models drawn in the curves: the winner, EMDLOT, logistic regression, the seed systems (those that ran).</summary>
    private static IReadOnlyList<DefaultModelResult> Shown(DefaultExperimentResult result) =>
        result.Models.Where(m => m == result.Winner || m.Key is DefaultModels.Emdlot or "logistic" or "gan-cnn" or "embed-mlp" or "lightgbm").ToList();

    private static (double[,] Weights, IReadOnlyList<string> Names) TopFeatures(double[,] weights, IReadOnlyList<string> features, int count)
    {
        var steps = weights.GetLength(1);
        var order = Enumerable.Range(0, features.Count).OrderByDescending(f => Enumerable.Range(0, steps).Sum(t => weights[f, t])).Take(count).ToArray();
        var result = new double[order.Length, steps];
        for (var i = 0; i < order.Length; i++) for (var t = 0; t < steps; t++) result[i, t] = weights[order[i], t];
        return (result, order.Select(f => features[f]).ToArray());
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static string Cell(MetricSummary s) => s.Runs <= 1 ? F(s.Mean) : $"{F(s.Mean)} ± {F(s.StandardDeviation)}";

    private static string F(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
