using System.Globalization;
using StreamRisk.Core.Simulation;

namespace StreamRisk.RiskModels.Default.Features;

/// <summary>
/// One flat row per <see cref="DefaultExample"/> for the tabular baselines (logistic regression, MLP, trees), in
/// <see cref="Names"/> order:
/// <list type="number">
/// <item><c>fin_*</c>: the newest statement's 32 EMDLOT indicators, raw;</item>
/// <item><c>macro_*</c>: the newest statement's macro indicators;</item>
/// <item><c>d_fin_*</c>: each indicator's change from the statement before (0 when there is none);</item>
/// <item><c>quarters</c>: statements disclosed by the origin;</item>
/// <item><c>months_since_last_statement</c>: origin − the newest statement's publication, in months (a late filer shows here);</item>
/// <item><c>mean_dt_months</c>: mean Δt between consecutive statements (0 with a single statement);</item>
/// <item><c>text_*</c>: 1 when the chapter had text in any of the newest four statements, else 0.</item>
/// </list>
/// The chapter embeddings themselves are left out: a mean over an embedding carries nothing, and reducing them
/// (principal directions, distances to class centroids) would be fitted on the training split — a model of its own.
/// Text enters the tabular baselines only as presence; the sequence models read the embeddings.
/// An example with no statement gives zeros everywhere (quarters 0). Only statements published by the origin may be
/// given: a later one is a look-ahead bug in the dataset and is rejected.
/// </summary>
public sealed class DefaultTabularFeatures
{
    /// <summary>Statements looked back over for the chapter presence flags.</summary>
    public const int TextWindow = 4;

    private const double DaysPerMonth = 365.25 / 12;

    public DefaultTabularFeatures(IReadOnlyList<string> macroNames, IReadOnlyList<string> chapterNames)
    {
        MacroNames = macroNames;
        ChapterNames = chapterNames;
        Names =
        [
            .. EmdlotIndicators.Names.Select(n => "fin_" + n),
            .. macroNames.Select(n => "macro_" + n),
            .. EmdlotIndicators.Names.Select(n => "d_fin_" + n),
            "quarters",
            "months_since_last_statement",
            "mean_dt_months",
            .. chapterNames.Select(n => "text_" + n),
        ];
    }

    public IReadOnlyList<string> MacroNames { get; }

    public IReadOnlyList<string> ChapterNames { get; }

    /// <summary>Feature names in row order (for explanations and reports).</summary>
    public IReadOnlyList<string> Names { get; }

    public double[] Extract(DefaultExample example)
    {
        ArgumentNullException.ThrowIfNull(example);
        var financial = EmdlotIndicators.Names.Count;
        var row = new double[Names.Count];
        var quarters = example.Quarters;
        for (var q = 0; q < quarters.Count; q++) Check(example, quarters[q], q);
        if (quarters.Count == 0) return row;

        var newest = quarters[^1];
        var at = 0;
        newest.Financial.CopyTo(row, at);
        at += financial;
        newest.Macro.CopyTo(row, at);
        at += MacroNames.Count;
        if (quarters.Count > 1)
        {
            var previous = quarters[^2];
            for (var f = 0; f < financial; f++) row[at + f] = newest.Financial[f] - previous.Financial[f];
        }
        at += financial;
        row[at++] = quarters.Count;
        var published = DateOnly.FromDateTime(newest.PublishedAt.UtcDateTime);
        row[at++] = (example.Origin.DayNumber - published.DayNumber) / DaysPerMonth;
        row[at++] = quarters.Count > 1 ? quarters.Skip(1).Average(q => q.MonthsSincePrevious) : 0;
        for (var c = 0; c < ChapterNames.Count; c++)
        {
            var present = false;
            for (var q = Math.Max(0, quarters.Count - TextWindow); q < quarters.Count && !present; q++) present = quarters[q].Chapters[c] is not null;
            row[at + c] = present ? 1 : 0;
        }
        return row;
    }

    public double[][] ExtractAll(IReadOnlyList<DefaultExample> examples) => examples.Select(Extract).ToArray();

    private void Check(DefaultExample example, DisclosedQuarter quarter, int index)
    {
        string Where() => string.Create(CultureInfo.InvariantCulture, $"issuer {example.IssuerId} at {example.Origin:yyyy-MM-dd}, statement {index} ({quarter.PeriodEnd:yyyy-MM-dd})");
        if (quarter.Financial.Length != EmdlotIndicators.Names.Count)
            throw new ArgumentException($"{Where()}: {quarter.Financial.Length} financial indicators, expected {EmdlotIndicators.Names.Count}");
        if (quarter.Macro.Length != MacroNames.Count)
            throw new ArgumentException($"{Where()}: {quarter.Macro.Length} macro indicators, expected {MacroNames.Count} ({string.Join(", ", MacroNames)})");
        if (quarter.Chapters.Length != ChapterNames.Count)
            throw new ArgumentException($"{Where()}: {quarter.Chapters.Length} chapters, expected {ChapterNames.Count} ({string.Join(", ", ChapterNames)})");
        if (DateOnly.FromDateTime(quarter.PublishedAt.UtcDateTime) > example.Origin)
            throw new ArgumentException($"{Where()}: published {quarter.PublishedAt:O}, after the origin (look-ahead)");
    }
}
