using StreamRisk.Core.Events;
using StreamRisk.Core.Topics;

namespace StreamRisk.RiskModels.Default;

/// <summary>
/// Cuts a <see cref="DefaultMarket"/> into <see cref="DefaultExample"/>s: one per issuer per prediction origin. The
/// quarters of an example are assembled by <see cref="DisclosedQuarters.AsOf"/>, the function the score stage uses live,
/// so a served model reads what training read.
/// <list type="bullet">
/// <item>Origins are calendar quarter ends, every <see cref="DefaultDatasetOptions.OriginStepQuarters"/> from the
/// market's first quarter end, as long as the label window ends by the market's last day (later outcomes are unknown,
/// so such origins are not used at all, whatever the issuer did).</item>
/// <item>Known at the origin: statements and disclosure texts published on or before the origin day (UTC). Nothing
/// dated after the origin enters an example: its quarters, Δt and texts are the same whatever happens later.</item>
/// <item>Quarters (<see cref="DisclosedQuarters.AsOf"/>): the newest <see cref="DefaultDatasetOptions.MaxQuarters"/>
/// known statements by period end, oldest first (one per period end: the latest published restatement); a statement
/// filed late takes its place by period end once published. Δt is days between consecutive period ends / (365.25 / 12);
/// 0 for the issuer's first statement, while the first kept quarter of a longer history keeps its gap to the one before. A chapter holds the mean embedding of its texts published after the previous
/// statement's publication and up to this one's; the newest quarter's run up to the origin (a notice that a statement is
/// overdue is read at once). Null where there is none. Macro: the quarter of the period end (NaN where macro.csv lacks it).</item>
/// <item>Label: the worst class in (origin + gap, origin + gap + horizon]. Dropped: issuers defaulted by the origin,
/// issuers whose class changes in (origin, origin + gap] (the study's exclusion: no look-ahead through the months just
/// before an event), and issuers with no statement published by the origin (not yet in the sample, or filing late).
/// Issuers extended at the origin stay (they can still default; if not, their label is extended).</item>
/// </list>
/// </summary>
public static class DefaultExampleBuilder
{
    /// <summary>The labelled origins of <paramref name="market"/>, oldest first.</summary>
    public static IReadOnlyList<DateOnly> Origins(DefaultMarket market, DefaultDatasetOptions options)
    {
        ArgumentNullException.ThrowIfNull(market);
        options.Validate();
        var origins = new List<DateOnly>();
        var first = QuarterCalendar.QuarterEnd(market.StartDay);
        for (var k = 0; ; k += options.OriginStepQuarters)
        {
            var origin = QuarterCalendar.AddQuarters(first, k);
            if (QuarterCalendar.AddQuarters(origin, options.GapQuarters + options.HorizonQuarters) > market.EndDay) break;
            origins.Add(origin);
        }
        return origins;
    }

    /// <summary>All examples, by issuer (market order) then origin. Each text is embedded once.</summary>
    public static IReadOnlyList<DefaultExample> Build(DefaultMarket market, DefaultDatasetOptions options, ITextEmbedder embedder)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        var origins = Origins(market, options);
        var statements = market.Statements.ToLookup(s => s.IssuerId, StringComparer.Ordinal);
        var disclosures = market.Disclosures.ToLookup(d => d.IssuerId, StringComparer.Ordinal);
        var changes = market.ClassChanges.ToLookup(c => c.IssuerId, StringComparer.Ordinal);
        var macroNames = market.Macro.Names;
        Func<DateOnly, double[]> macroAt = day => market.Macro.At(day, macroNames);
        var chapterCount = DisclosureChapters.Names.Count;
        var examples = new List<DefaultExample>();
        foreach (var (issuerId, industryId) in market.Issuers)
        {
            var issuerStatements = statements[issuerId].OrderBy(s => s.PublishedAt).ToList();
            if (issuerStatements.Count == 0) continue;
            var texts = disclosures[issuerId]
                .Select(d => d.Chapter >= 0 && d.Chapter < chapterCount
                    ? new ChapterText(d.PublishedAt, d.Chapter, embedder.Embed(d.Text))
                    : throw new ArgumentException($"issuer {issuerId}: disclosure chapter {d.Chapter} is not one of the {chapterCount} chapters"))
                .OrderBy(t => t.PublishedAt)
                .ToList();
            var timeline = new ClassTimeline(changes[issuerId]);
            foreach (var origin in origins)
            {
                if (timeline.At(origin) == RiskClass.Defaulted) continue;
                var gapEnd = QuarterCalendar.AddQuarters(origin, options.GapQuarters);
                if (timeline.ChangesIn(origin, gapEnd)) continue;
                if (DateOnly.FromDateTime(issuerStatements[0].PublishedAt.UtcDateTime) > origin) continue;
                var quarters = DisclosedQuarters.AsOf(origin, issuerStatements, texts, macroAt, chapterCount, options.MaxQuarters);
                if (quarters.Count == 0) continue;
                var label = timeline.WorstIn(gapEnd, QuarterCalendar.AddQuarters(origin, options.GapQuarters + options.HorizonQuarters));
                examples.Add(new DefaultExample(issuerId, industryId, origin, label, quarters));
            }
        }
        return examples;
    }
}
