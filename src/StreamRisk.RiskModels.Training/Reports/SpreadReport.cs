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
        File.WriteAllText(Path.Combine(dir, "attention.svg"), SpreadCharts.Attention(result.Attention));
        var served = ModelArtifact.Load(result.Models.Single(m => m.Name == SpreadExperiment.ITransformerWith).Artifacts[0]);
        var lower = served.Manifest.Extras["residual_q05"];
        var upper = served.Manifest.Extras["residual_q95"];
        var h5 = result.Dataset.Horizons.ToList().IndexOf(5);
        var charts = new List<string>();
        foreach (var s in SpreadCharts.MostMovedIssuers(result.Dataset, 3))
        {
            var name = $"forecast-{result.Dataset.Series[s].IssuerId}.svg";
            File.WriteAllText(Path.Combine(dir, name), SpreadCharts.ForecastVsActual(result, s, h5 < 0 ? 0 : h5, lower, upper));
            charts.Add(name);
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
        L(Inv($"- **iTransformer** (TorchSharp; served by the C# forward pass, equal to 1e-4): each variate's {d.Window}-day window is a token, d_model {t.DModel}, {t.Heads} heads, {t.Layers} post-norm layers, feed-forward {t.FeedForward} (ReLU), a linear head on the spread token for all {horizons.Count} horizons; MSE on normalised targets, Adam lr {t.LearningRate}, batch {t.BatchSize}, at most {t.Epochs} epochs with early stopping (patience {t.Patience}) on validation loss; {o.Seeds} seeds. *Without sentiment* is the same network with the sentiment variates masked out of attention (so they cannot reach the forecast)."));
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
        foreach (var c in result.Comparisons) L("- " + Verdict(c, result, horizons));
        L();

        L("## Aggregation of firm and industry sentiment");
        L();
        L("The live index combines the two levels with fixed weights (composite = 0.7 firm + 0.3 industry). The comparison above fits the two levels' weights by least squares inside ARX (\"learned\") against ARX given only the fixed composite and its smoothed index (\"fixed\"). MulFSA's AttnMLP (two linear encoders, cross-attention, linear output) is **not built yet**; the live index therefore keeps the fixed 0.7 / 0.3 weights, and this report's learned-vs-fixed row is the linear stand-in for that A/B.");
        L();

        L("## Real data");
        L();
        L("`data/real/` has Moody's Aaa yields monthly for 1990-01 to 1994-12 (60 observations) and Treasury yields to 2000; the Reuters sample corpus (`data/samples/01-reuters.jsonl`) holds 70 texts from 1987-02-26 to 1987-03-02. The spread series and the news do not overlap at all, and 60 monthly points give no daily forecasting problem, so **the real data cannot say anything about whether sentiment helps**: no real A/B was run.");
        L();

        L("## Charts");
        L();
        L("![MAE by horizon](error-by-horizon.svg)");
        L();
        L("![attention over variates](attention.svg)");
        L();
        foreach (var chart in charts) L($"![forecast vs actual]({chart})");
        L();
        L("## Artifacts");
        L();
        foreach (var m in result.Models.Where(m => m.Artifacts.Count > 0))
        {
            L($"- {m.Name}: " + string.Join(", ", m.Artifacts.Select(a => $"`{Path.GetRelativePath(o.OutDirectory, a)}`")));
        }
        return md.ToString();
    }

    private static string Verdict(ModelComparison c, SpreadExperimentResult result, IReadOnlyList<int> horizons)
    {
        var a = result.Models.Single(m => m.Name == c.A).Ensemble;
        var b = result.Models.Single(m => m.Name == c.B).Ensemble;
        var better = new List<int>();
        var worse = new List<int>();
        var same = new List<int>();
        for (var k = 0; k < horizons.Count; k++)
        {
            var r = c.PerHorizon[k];
            if (r.PValue < Significance && r.Statistic < 0) better.Add(horizons[k]);
            else if (r.PValue < Significance && r.Statistic > 0) worse.Add(horizons[k]);
            else same.Add(horizons[k]);
        }
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
