using System.Globalization;
using System.Text;
using StreamRisk.Core.Evaluation;

namespace StreamRisk.Pipeline.Evaluation;

/// <summary>Renders a scorecard as the Markdown report <c>streamrisk eval</c> writes to <c>&lt;out&gt;/report.md</c>.</summary>
public static class EvaluationReport
{
    public static string ToMarkdown(SimulationScorecard card, string simulationDirectory, long inputRecords, TimeSpan pipelineElapsed,
        string? chartFileName, DateTimeOffset writtenAt)
    {
        var md = new StringBuilder();
        void Line(FormattableString text) => md.Append(text.ToString(CultureInfo.InvariantCulture)).Append('\n');

        Line($"# StreamRisk evaluation against simulated ground truth");
        Line($"");
        Line($"- simulation: `{simulationDirectory}`");
        Line($"- written: {writtenAt:yyyy-MM-dd HH:mm} UTC; pipeline: {inputRecords:N0} input records in {pipelineElapsed.TotalSeconds:0.0} s");
        Line($"- news texts in the truth: {card.TruthTexts:N0}; admitted by ingest and judged: {card.JudgedTexts:N0} (the rest were duplicates or dead letters)");
        Line($"- daily values emitted (sentiment.daily.v1, every revision): {card.DailyValuesEmitted:N0}, {card.DailyTopicBytes:N0} bytes");
        Line($"");
        Line($"## Summary");
        Line($"");
        Line($"| measure | value |");
        Line($"|---|---:|");
        Line($"| firm polarity accuracy (true polarity ≠ 0) | {Number(card.Polarity.PolarAccuracy)} over {card.Polarity.Polar:N0} pairs (chance 1/3) |");
        Line($"| firm polarity accuracy (all pairs) | {Number(card.Polarity.Accuracy)} over {card.Polarity.Total:N0} pairs |");
        Line($"| mention precision | {Number(card.Mentions.Precision)} |");
        Line($"| mention recall | {Number(card.Mentions.Recall)} |");
        Line($"| mention F1 | {Number(card.Mentions.F1)} |");
        foreach (var c in card.Index)
        {
            Line($"| index vs {c.Definition}: Pearson / Spearman | {Number(c.Pearson)} / {Number(c.Spearman)} ({c.Pairs:N0} issuer-days) |");
        }
        Line($"");
        Line($"## Firm-level polarity: confusion matrix");
        Line($"");
        Line($"Rows: true polarity of the (text, issuer) pair; columns: the sign of the sentiment.firm.v1 score, neutral when |score| ≤ {card.NeutralBand}.");
        Line($"Only pairs that entity linking found are here; missed and invented pairs are counted under mentions.");
        Line($"");
        Line($"| true \\ predicted | negative | neutral | positive | total |");
        Line($"|---|---:|---:|---:|---:|");
        foreach (var truth in PolarityConfusion.Classes)
        {
            Line($"| {ClassName(truth)} | {card.Polarity.Count(truth, -1):N0} | {card.Polarity.Count(truth, 0):N0} | {card.Polarity.Count(truth, 1):N0} | {card.Polarity.RowTotal(truth):N0} |");
        }
        Line($"");
        Line($"## Mentions");
        Line($"");
        Line($"(document, issuer) pairs from mentions.v1 against the pairs the truth gives a polarity for, over the judged texts:");
        Line($"{card.Mentions.TruePositives:N0} found and true, {card.Mentions.FalsePositives:N0} found but not in the truth, {card.Mentions.FalseNegatives:N0} missed.");
        Line($"");
        Line($"## Daily index against latent credit");
        Line($"");
        Line($"Pooled over every (issuer, day) value of sentiment.daily.v1 (last revision, `smoothed`). Day t is matched to the issuer's");
        Line($"last trading day on or before t; h counts trading days. latent(t) − latent(t−h) is the change the news has been");
        Line($"reporting on; latent(t+h) − latent(t) is the change still to come; the level is shown for reference.");
        Line($"");
        Line($"| target | issuer-days | Pearson | Spearman |");
        Line($"|---|---:|---:|---:|");
        foreach (var c in card.Index)
        {
            Line($"| {c.Definition} | {c.Pairs:N0} | {Number(c.Pearson)} | {Number(c.Spearman)} |");
        }
        if (card.RelatedIndex is { } related)
        {
            Line($"");
            Line($"The same over the {card.RelatedIssuers:N0} issuers the simulation related to another (issuer_relations.csv), where spill-over can act:");
            Line($"");
            Line($"| target | issuer-days | Pearson | Spearman |");
            Line($"|---|---:|---:|---:|");
            foreach (var c in related)
            {
                Line($"| {c.Definition} | {c.Pairs:N0} | {Number(c.Pearson)} | {Number(c.Spearman)} |");
            }
        }
        if (chartFileName is not null)
        {
            Line($"");
            Line($"![index and latent credit of the issuer whose credit moved most]({chartFileName})");
        }
        return md.ToString();
    }

    public static string Number(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string ClassName(int polarity) => polarity switch { -1 => "negative", 0 => "neutral", _ => "positive" };
}
