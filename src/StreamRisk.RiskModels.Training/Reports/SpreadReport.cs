using System.Globalization;
using System.Text;
using StreamRisk.RiskModels.Artifacts;
using StreamRisk.RiskModels.Data;
using StreamRisk.RiskModels.Evaluation;
using StreamRisk.RiskModels.Training.Training;

namespace StreamRisk.RiskModels.Training.Reports;

/// <summary>Writes <c>report.md</c> and its SVG charts for a <see cref="SpreadExperimentResult"/>.</summary>
public static class SpreadReport
{
    public const string FileName = "report.md";
    private const double Significance = 0.05;

    public static string Write(SpreadExperimentResult result, string command, DateTimeOffset now)
    {
        var dir = result.Options.OutDirectory;
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "error-by-horizon.svg"), SpreadCharts.ErrorByHorizon(result));
        var charts = new List<string>();
        if (result.Attention.Count > 0)
        {
            File.WriteAllText(Path.Combine(dir, "attention.svg"), SpreadCharts.Attention(result.Attention));
            charts.Add("attention.svg");
        }
        var servedModel = result.Models.SingleOrDefault(m => m.Name == SpreadExperiment.ITransformerWith);
        if (servedModel is not null)
        {
            var served = ModelArtifact.Load(servedModel.Artifacts[0]);
            var lower = served.Manifest.Extras["residual_q05"];
            var upper = served.Manifest.Extras["residual_q95"];
            var h5 = result.Dataset.Horizons.ToList().IndexOf(5);
            foreach (var s in SpreadCharts.MostMovedIssuers(result.Dataset, 3))
            {
                var name = $"forecast-{result.Dataset.Series[s].IssuerId}.svg";
                File.WriteAllText(Path.Combine(dir, name), SpreadCharts.ForecastVsActual(result, s, h5 < 0 ? 0 : h5, lower, upper));
                charts.Add(name);
            }
        }
        var path = Path.Combine(dir, FileName);
        File.WriteAllText(path, Markdown(result, command, now, charts));
        return path;
    }

    public static string Markdown(SpreadExperimentResult result, string command, DateTimeOffset now, IReadOnlyList<string> charts)
    {
        var d = result.Dataset;
        var o = result.Options;
        var t = o.Training;
        var md = new StringBuilder();
        void L(string line = "") => md.Append(line).Append('\n');
        var horizons = d.Horizons;
        L("# Credit-spread forecasting with and without sentiment");
        L();
        L(Inv($"Written {now:yyyy-MM-dd HH:mm} UTC by `{command}` in {result.Elapsed.TotalMinutes:0.0} min (code {o.CodeVersion})."));
        L();
        L("## Data");
        L(Inv($"- Source: {o.Source}."));
        L(Inv($"- {d.Series.Count:N0} issuers, {d.Series.Sum(s => s.Length):N0} issuer-days (trading days with a spread quote); window {d.Window} trading days; horizons {string.Join(", ", horizons)} trading days."));
        L(Inv($"- Chronological split by forecast origin: train before {d.ValidationStart:yyyy-MM-dd} ({d.Train.Count:N0} examples, of which at most {t.MaxTrainExamples:N0} drawn for the networks), validation (early stopping, interval) {d.ValidationStart:yyyy-MM-dd} to {d.TestStart:yyyy-MM-dd} ({d.Validation.Count:N0}), test from {d.TestStart:yyyy-MM-dd} ({d.Test.Count:N0}). A train or validation example's farthest target lies before the next part starts."));
        L(Inv($"- Training-data SHA-256 {d.Sha256()}."));
        L("- Inputs per issuer-day (`SpreadFeatures`): log spread, its 1-day change, the smoothed daily index, the day's firm score, industry (meso) score and composite, debt/assets and log interest coverage of the latest published statement. The simulator publishes no interest-rate series, so there are no rate inputs. Every input of a row is dated on or before its day (test `SpreadDataset_NoLookAhead`); the daily index is the live pipeline's causal one (its latest revision of each day, which includes texts published that day that arrived up to the allowed lateness of 3 days later).");
        L("- Target: ln(S[t+h] / S[t]); forecasts are S[t]·exp(prediction). Errors are on the spread in bps.");
        L();
        L("## Models");
        L("- **random walk**: S[t+h] = S[t].");
        L(Inv($"- **AR / ARX**: pooled least squares (ridge 1e-4 per row) of each horizon's target on the normalised {d.Window}-day window of: AR the spread's log level and change; ARX without sentiment adds the fundamentals; ARX with sentiment adds the four sentiment inputs."));
        var present = result.Models.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        if (present.Contains(SpreadExperiment.LightGbmWith))
        {
            var g = new Baselines.LightGbmWindowOptions();
            L(Inv($"- **LightGBM** (ML.NET 6, one regressor per horizon): the same normalised {d.Window}-day window as ARX flattened into {d.Window} × (4 or 8) lagged features (without sentiment: spread and fundamentals; with: all eight inputs); at most {g.Trees} trees of {g.Leaves} leaves (at least {g.MinimumRowsPerLeaf} rows each), learning rate {g.LearningRate}, boosting stopped after {g.EarlyStoppingRounds} rounds without a better validation L2; one thread, seed {g.Seed} (deterministic)."));
        }
        if (present.Contains(SpreadExperiment.ITransformerWith))
        {
            L(Inv($"- **iTransformer** (TorchSharp; served by the C# forward pass, equal to 1e-4): each variate's {d.Window}-day window is a token, d_model {t.DModel}, {t.Heads} heads, {t.Layers} post-norm layers, feed-forward {t.FeedForward} (ReLU), a linear head on the spread token for all {horizons.Count} horizons; MSE on normalised targets, Adam lr {t.LearningRate}, batch {t.BatchSize}, at most {t.Epochs} epochs with early stopping (patience {t.Patience}) on validation loss; {o.Seeds} seeds. *Without sentiment* is the same network with the sentiment variates masked out of attention (so they cannot reach the forecast)."));
        }
        if (present.Contains(SpreadExperiment.LstmWith))
        {
            L(Inv($"- **LSTM** (TorchSharp): the {d.Window}-day window of the inputs → one LSTM layer of width {t.DModel} → a linear head on its last hidden state for all {horizons.Count} horizons; *without sentiment* leaves the four sentiment inputs out. Trained by the iTransformer's loop (same loss, optimiser, sampling, early stopping and checkpoints); {o.Seeds} seeds."));
        }
        if (present.Contains(SpreadExperiment.HeadAttnMlp))
        {
            L(Inv($"- **MLP head, fixed vs AttnMLP composite** (TorchSharp, same loop, {o.Seeds} seeds): one small forecaster head (ReLU hidden layer of {t.DModel}) reads the flattened window of the spread, its change and the fundamentals plus one composite sentiment value per day. *Fixed*: the live composite (0.7 firm + 0.3 industry). *AttnMLP* (MulFSA): on each window day the firm score and the industry score each go through their own linear encoder (width {t.DModel}) to one token per level, the firm token's query attends over the day's two level tokens (cross-attention; the softmax weights are the day's learned, input-dependent mix of the levels), and a linear output of the attended token gives the day's learned composite; trained jointly with the head. The learned variant has the encoders', query/key and output weights on top of the shared head. The two rows differ only in the aggregation."));
        }
        L("- Metrics below are on the test part. For networks: mean ± sd of the per-seed metrics; the DM tests use the seed-averaged forecast.");
        L();
        foreach (var (title, pick) in new (string, Func<ForecastMetrics, double>)[] { ("MAE (bps)", m => m.Mae), ("MAPE (%)", m => m.Mape), ("RMSE (bps)", m => m.Rmse) })
        {
            L($"## Test {title}");
            L();
            L("| model | " + string.Join(" | ", horizons.Select(h => $"h={h}")) + " |");
            L("|---|" + string.Concat(horizons.Select(_ => "---:|")));
            foreach (var m in result.Models)
            {
                var cells = horizons.Select((_, k) =>
                {
                    var values = m.Seeds.Select(r => pick(r.Metrics[k])).ToList();
                    return values.Count == 1 ? F(values[0]) : $"{F(values.Average())} ± {F(Sd(values))}";
                });
                L($"| {m.Name} | " + string.Join(" | ", cells) + " |");
            }
            L();
        }

        var rw = result.Models.Single(m => m.Name == SpreadExperiment.RandomWalk).Ensemble;
        L("## MAE relative to the random walk (seed-averaged forecasts; negative = better)");
        L();
        L("| model | " + string.Join(" | ", horizons.Select(h => $"h={h}")) + " |");
        L("|---|" + string.Concat(horizons.Select(_ => "---:|")));
        foreach (var m in result.Models.Where(m => m.Name != SpreadExperiment.RandomWalk))
        {
            L($"| {m.Name} | " + string.Join(" | ", horizons.Select((_, k) => Pct(m.Ensemble.Metrics[k].Mae / rw.Metrics[k].Mae - 1))) + " |");
        }
        L();

        L("## Diebold–Mariano tests (absolute error, A − B; negative statistic: A more accurate)");
        L();
        L("One loss difference per test day (the mean over that day's issuers), long-run variance with Newey–West weights up to lag h − 1; two-sided p-values from N(0, 1).");
        L();
        L("| question | A | B | " + string.Join(" | ", horizons.Select(h => $"h={h}: DM (p)")) + " |");
        L("|---|---|---|" + string.Concat(horizons.Select(_ => "---:|")));
        foreach (var c in result.Comparisons)
        {
            L($"| {c.Question} | {c.A} | {c.B} | " + string.Join(" | ", c.PerHorizon.Select(r => $"{F(r.Statistic)} ({P(r.PValue)})")) + " |");
        }
        L();

        L("## Findings (computed from the tables above)");
        L();
        L("- **Lowest test MAE** (seed-averaged forecasts): " + string.Join("; ", horizons.Select((h, k) =>
        {
            var best = result.Models.MinBy(m => m.Ensemble.Metrics[k].Mae)!;
            return Inv($"h={h} {best.Name} ({best.Ensemble.Metrics[k].Mae:0.000} bps)");
        })) + ".");
        foreach (var c in result.Comparisons) L("- " + Verdict(c, result, horizons));
        L();

        L("## Aggregation of firm and industry sentiment");
        L();
        foreach (var line in Aggregation(result)) L(line);
        L();

        L("## Real data");
        L();
        L("`data/real/` has Moody's Aaa yields monthly for 1990-01 to 1994-12 (60 observations) and Treasury yields to 2000; the Reuters sample corpus (`data/samples/01-reuters.jsonl`) holds 70 texts from 1987-02-26 to 1987-03-02. The spread series and the news do not overlap at all, and 60 monthly points give no daily forecasting problem, so **the real data cannot say anything about whether sentiment helps**: no real A/B was run.");
        L();

        L("## Charts");
        L();
        L("![MAE by horizon](error-by-horizon.svg)");
        L();
        foreach (var chart in charts) L(chart == "attention.svg" ? "![attention over variates](attention.svg)\n" : $"![forecast vs actual]({chart})");
        L();
        L("## Artifacts");
        L();
        foreach (var m in result.Models.Where(m => m.Artifacts.Count > 0))
        {
            L($"- {m.Name}: " + string.Join(", ", m.Artifacts.Select(a => $"`{Path.GetRelativePath(o.OutDirectory, a)}`")));
        }
        return md.ToString();
    }

    /// <summary>The aggregation section: which combination of firm and industry sentiment the tests favour, and what live uses.</summary>
    private static IEnumerable<string> Aggregation(SpreadExperimentResult result)
    {
        yield return "The live index combines the two levels with fixed weights (composite = 0.7 firm + 0.3 industry). Two learned alternatives are tested against it: least-squares weights for the two levels inside ARX (against ARX given only the fixed composite and its smoothed index), and MulFSA's AttnMLP composite trained jointly with a small MLP head (against the same head given the fixed composite). A learned combination wins if it is significantly more accurate (DM, 5 % level) at some horizon and significantly less accurate at none.";
        yield return "";
        var wins = new List<string>();
        foreach (var (question, label) in new[]
        {
            ("Learned (least-squares) firm/industry weights vs the fixed composite?", "Least-squares weights (ARX)"),
            (SpreadExperiment.AggregationQuestion, "AttnMLP"),
        })
        {
            var c = result.Comparisons.SingleOrDefault(x => x.Question == question);
            if (c is null)
            {
                yield return $"- {label}: not run (`--models` left it out).";
                continue;
            }
            var (better, worse) = Significant(c, result.Dataset.Horizons);
            var outcome = AggregationOutcome(better, worse);
            if (better.Count > 0 && worse.Count == 0) wins.Add(label);
            yield return $"- {label}: {outcome}.";
        }
        yield return "";
        yield return wins.Contains("AttnMLP")
            ? "**Better combination: AttnMLP** on this market. It is not wired into live serving yet: the live index keeps the fixed 0.7 / 0.3 weights until the AttnMLP is served."
            : "**Better combination: the fixed 0.7 firm / 0.3 industry weights** (no learned combination beats them here); the live index keeps them.";
    }

    /// <summary>The verdict on a learned combination from the horizons where it was significantly more (better) or less
    /// (worse) accurate than the fixed weights: it wins only if better somewhere and worse nowhere.</summary>
    public static string AggregationOutcome(IReadOnlyList<int> better, IReadOnlyList<int> worse) =>
        better.Count > 0 && worse.Count == 0
            ? $"**better than the fixed weights** (significantly more accurate at h = {string.Join(", ", better)}, less accurate nowhere)"
            : worse.Count > 0 && better.Count > 0
                ? $"**mixed, so it does not beat the fixed weights** (significantly more accurate at h = {string.Join(", ", better)}, less accurate at h = {string.Join(", ", worse)})"
                : worse.Count > 0
                    ? $"**worse than the fixed weights** (significantly less accurate at h = {string.Join(", ", worse)})"
                    : "**does not beat the fixed weights** (no significant difference at any horizon)";

    private static (List<int> Better, List<int> Worse) Significant(ModelComparison c, IReadOnlyList<int> horizons)
    {
        var better = new List<int>();
        var worse = new List<int>();
        for (var k = 0; k < horizons.Count; k++)
        {
            var r = c.PerHorizon[k];
            if (r.PValue < Significance && r.Statistic < 0) better.Add(horizons[k]);
            else if (r.PValue < Significance && r.Statistic > 0) worse.Add(horizons[k]);
        }
        return (better, worse);
    }

    private static string Verdict(ModelComparison c, SpreadExperimentResult result, IReadOnlyList<int> horizons)
    {
        var a = result.Models.Single(m => m.Name == c.A).Ensemble;
        var b = result.Models.Single(m => m.Name == c.B).Ensemble;
        var (better, worse) = Significant(c, horizons);
        var same = horizons.Where(h => !better.Contains(h) && !worse.Contains(h)).ToList();
        var parts = new List<string>();
        if (better.Count > 0) parts.Add($"A ({c.A}) is significantly more accurate at h = {string.Join(", ", better)}");
        if (worse.Count > 0) parts.Add($"A is significantly **less** accurate at h = {string.Join(", ", worse)}");
        if (same.Count > 0) parts.Add($"no significant difference at h = {string.Join(", ", same)}");
        var deltas = string.Join(", ", horizons.Select((h, k) => $"h={h} {Pct(a.Metrics[k].Mae / b.Metrics[k].Mae - 1)}"));
        return $"**{c.Question}** {string.Join("; ", parts)} (5 % level). MAE change A vs B: {deltas}.";
    }

    private static double Sd(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return 0;
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
    private static string F(double v) => v.ToString(Math.Abs(v) >= 100 ? "0.0" : "0.000", CultureInfo.InvariantCulture);
    private static string P(double p) => p < 1e-4 ? p.ToString("0.0e+0", CultureInfo.InvariantCulture) : p.ToString("0.0000", CultureInfo.InvariantCulture);
    private static string Pct(double v)
    {
        var rounded = Math.Round(100 * v, 2);
        return (rounded == 0 ? "0.00" : rounded.ToString("+0.00;-0.00", CultureInfo.InvariantCulture)) + " %";
    }
}
