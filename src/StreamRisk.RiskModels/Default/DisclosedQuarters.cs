using StreamRisk.Core.Events;
using StreamRisk.Core.Simulation;

namespace StreamRisk.RiskModels.Default;

/// <summary>A disclosure text of one issuer as the models read it: when it was published, its chapter and its embedding.</summary>
public readonly record struct ChapterText(DateTimeOffset PublishedAt, int Chapter, float[] Embedding);

/// <summary>
/// An issuer's statements as known on an origin day, the one assembly used offline (datasets) and live (score stage),
/// so a served model sees what training saw.
/// </summary>
public static class DisclosedQuarters
{
    private const double DaysPerMonth = 365.25 / 12;

    /// <summary>
    /// The statements published on or before <paramref name="origin"/> (UTC day), one per period end (the latest
    /// published wins a restatement), the newest <paramref name="maxQuarters"/> of them, oldest first. A quarter's
    /// chapters average the texts published after every earlier period's statement and up to its own publication; the newest
    /// quarter's run up to the origin, so a notice after the last statement is read at once rather than a quarter later.
    /// Missing indicators are NaN (the model's normalisation maps them to the training mean).
    /// </summary>
    public static IReadOnlyList<DisclosedQuarter> AsOf(
        DateOnly origin,
        IEnumerable<Fundamentals> statements,
        IReadOnlyList<ChapterText> texts,
        Func<DateOnly, double[]> macroAt,
        int chapterCount,
        int maxQuarters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxQuarters, 1);
        var known = statements
            .Where(s => DateOnly.FromDateTime(s.PublishedAt.UtcDateTime) <= origin)
            .GroupBy(s => s.PeriodEnd)
            .Select(g => g.MaxBy(s => s.PublishedAt)!)
            .OrderBy(s => s.PeriodEnd)
            .ToList();
        var first = Math.Max(0, known.Count - maxQuarters);
        var endOfOrigin = new DateTimeOffset(origin.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var quarters = new List<DisclosedQuarter>(known.Count - first);
        // A quarter's texts start after every earlier period's statement was out: a statement filed late (after the next
        // period's) then leaves the next quarter an empty window instead of both quarters reading the same texts.
        var from = DateTimeOffset.MinValue;
        for (var i = 0; i < first; i++) from = Max(from, known[i].PublishedAt);
        for (var i = first; i < known.Count; i++)
        {
            var statement = known[i];
            var to = i == known.Count - 1 ? endOfOrigin : Max(from, statement.PublishedAt).AddTicks(1);
            var months = i > 0 ? (statement.PeriodEnd.DayNumber - known[i - 1].PeriodEnd.DayNumber) / DaysPerMonth : 0;
            quarters.Add(new DisclosedQuarter(statement.PeriodEnd, statement.PublishedAt, months, Financial(statement),
                macroAt(statement.PeriodEnd), Chapters(texts, from, to, chapterCount)));
            from = Max(from, statement.PublishedAt);
        }
        return quarters;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static double[] Financial(Fundamentals statement)
    {
        var values = new double[EmdlotIndicators.Names.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = statement.Indicators.TryGetValue(EmdlotIndicators.Names[i], out var v) && double.IsFinite(v) ? v : double.NaN;
        }
        return values;
    }

    /// <summary>Mean embedding per chapter of the texts published in (from, to); null for a chapter with none.</summary>
    private static float[]?[] Chapters(IReadOnlyList<ChapterText> texts, DateTimeOffset from, DateTimeOffset to, int chapterCount)
    {
        var sums = new float[]?[chapterCount];
        var counts = new int[chapterCount];
        foreach (var text in texts)
        {
            if (text.PublishedAt <= from || text.PublishedAt >= to || text.Chapter < 0 || text.Chapter >= chapterCount) continue;
            var sum = sums[text.Chapter] ??= new float[text.Embedding.Length];
            for (var d = 0; d < sum.Length; d++) sum[d] += text.Embedding[d];
            counts[text.Chapter]++;
        }
        for (var c = 0; c < chapterCount; c++)
        {
            if (sums[c] is not { } sum) continue;
            for (var d = 0; d < sum.Length; d++) sum[d] /= counts[c];
        }
        return sums;
    }
}
