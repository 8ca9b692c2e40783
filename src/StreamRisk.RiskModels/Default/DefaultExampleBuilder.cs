using StreamRisk.Core.Events;
using StreamRisk.Core.Topics;

namespace StreamRisk.RiskModels.Default;

/// <summary>
/// Cuts a <see cref="DefaultMarket"/> into <see cref="DefaultExample"/>s: one per issuer per prediction origin.
/// <list type="bullet">
/// <item>Origins are calendar quarter ends, every <see cref="DefaultDatasetOptions.OriginStepQuarters"/> from the
/// market's first quarter end, as long as the label window ends by the market's last day (later outcomes are unknown,
/// so such origins are not used at all, whatever the issuer did).</item>
/// <item>Known at the origin: statements published on or before the origin day (UTC), and disclosure texts likewise.
/// Nothing dated after the origin enters an example: its quarters, texts and Δt are the same whatever happens later.</item>
/// <item>Quarters: the newest <see cref="DefaultDatasetOptions.MaxQuarters"/> known statements by period end, oldest
/// first. A statement filed late (after a later quarter's) takes its place by period end once it is published. Δt is the
/// months between consecutive period ends of the example (<see cref="QuarterCalendar.MonthsBetween"/>: 3 for adjacent
/// quarters, 6 over a skipped one), 0 for the first quarter of the example.</item>
/// <item>Texts: a statement's chapter holds the mean of the embeddings of that chapter's texts published after the
/// previous statement's publication (by publication order, so the windows never overlap) and up to its own; the
/// issuer's first statement takes everything before it (the entry risk factors). The statement published last before
/// the origin also takes the texts published after it up to the origin (<see cref="DefaultDatasetOptions.TextsUntilOrigin"/>),
/// e.g. a notice that a statement is overdue. Null where there is none.</item>
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

    /// <summary>All examples, by issuer (market order) then origin.</summary>
    public static IReadOnlyList<DefaultExample> Build(DefaultMarket market, DefaultDatasetOptions options, ITextEmbedder embedder)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(embedder);
        var origins = Origins(market, options);
        var statements = market.Statements.ToLookup(s => s.IssuerId, StringComparer.Ordinal);
        var disclosures = market.Disclosures.ToLookup(d => d.IssuerId, StringComparer.Ordinal);
        var changes = market.ClassChanges.ToLookup(c => c.IssuerId, StringComparer.Ordinal);
        var examples = new List<DefaultExample>();
        foreach (var (issuerId, industryId) in market.Issuers)
        {
            var issuer = new IssuerHistory(issuerId, statements[issuerId], disclosures[issuerId], market.Macro, embedder);
            var timeline = new ClassTimeline(changes[issuerId]);
            foreach (var origin in origins)
            {
                if (timeline.At(origin) == RiskClass.Defaulted) continue;
                var gapEnd = QuarterCalendar.AddQuarters(origin, options.GapQuarters);
                if (timeline.ChangesIn(origin, gapEnd)) continue;
                var quarters = issuer.KnownAt(origin, options);
                if (quarters.Count == 0) continue;
                var label = timeline.WorstIn(gapEnd, QuarterCalendar.AddQuarters(origin, options.GapQuarters + options.HorizonQuarters));
                examples.Add(new DefaultExample(issuerId, industryId, origin, label, quarters));
            }
        }
        return examples;
    }

    /// <summary>One issuer's statements (by publication) and texts (per chapter, by publication), with each text
    /// embedded once and each chapter mean computed once per distinct window.</summary>
    private sealed class IssuerHistory
    {
        private readonly IssuerStatement[] _statements;
        private readonly IssuerDisclosure[][] _texts;
        private readonly DateTimeOffset[][] _textTimes;
        private readonly float[]?[][] _textVectors;
        private readonly Dictionary<(int Chapter, int From, int To), float[]> _means = [];
        private readonly MacroSeries _macro;
        private readonly ITextEmbedder _embedder;

        public IssuerHistory(string issuerId, IEnumerable<IssuerStatement> statements, IEnumerable<IssuerDisclosure> texts, MacroSeries macro, ITextEmbedder embedder)
        {
            _statements = statements.OrderBy(s => s.PublishedAt).ThenBy(s => s.PeriodEnd).ToArray();
            _texts = new IssuerDisclosure[DisclosureChapters.Names.Count][];
            var all = texts.ToList();
            for (var c = 0; c < _texts.Length; c++)
            {
                var chapter = c;
                _texts[c] = all.Where(t => t.Chapter == chapter).OrderBy(t => t.PublishedAt).ToArray();
            }
            if (all.FirstOrDefault(t => t.Chapter < 0 || t.Chapter >= _texts.Length) is { } bad)
            {
                throw new ArgumentException($"issuer {issuerId}: disclosure chapter {bad.Chapter} is not one of {DisclosureChapters.Names.Count}");
            }
            _textTimes = _texts.Select(t => t.Select(d => d.PublishedAt).ToArray()).ToArray();
            _textVectors = _texts.Select(t => new float[]?[t.Length]).ToArray();
            _macro = macro;
            _embedder = embedder;
        }

        public List<DisclosedQuarter> KnownAt(DateOnly origin, DefaultDatasetOptions options)
        {
            var cutoff = new DateTimeOffset(origin.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var published = 0;
            while (published < _statements.Length && _statements[published].PublishedAt < cutoff) published++;
            var quarters = new List<DisclosedQuarter>(Math.Min(published, options.MaxQuarters));
            if (published == 0) return quarters;

            var newest = Enumerable.Range(0, published)
                .OrderBy(i => _statements[i].PeriodEnd).ThenBy(i => _statements[i].PublishedAt)
                .TakeLast(options.MaxQuarters);
            DateOnly? previousEnd = null;
            foreach (var i in newest)
            {
                var statement = _statements[i];
                var after = i == 0 ? DateTimeOffset.MinValue : _statements[i - 1].PublishedAt;
                var through = i == published - 1 && options.TextsUntilOrigin ? cutoff.AddTicks(-1) : statement.PublishedAt;
                var chapters = new float[]?[_texts.Length];
                for (var c = 0; c < chapters.Length; c++) chapters[c] = Mean(c, after, through);
                var macro = _macro.At(statement.PeriodEnd)
                    ?? throw new InvalidDataException($"the macro series has no row for {statement.PeriodEnd.Year} Q{(statement.PeriodEnd.Month - 1) / 3 + 1}, "
                        + $"the quarter of {statement.IssuerId}'s statement for {statement.PeriodEnd:yyyy-MM-dd}; macro.csv must cover every simulated quarter");
                var months = previousEnd is { } p ? QuarterCalendar.MonthsBetween(p, statement.PeriodEnd) : 0;
                quarters.Add(new DisclosedQuarter(statement.PeriodEnd, statement.PublishedAt, months, statement.Financial, macro, chapters));
                previousEnd = statement.PeriodEnd;
            }
            return quarters;
        }

        /// <summary>The mean embedding of chapter <paramref name="chapter"/>'s texts published in (after, through], or null.</summary>
        private float[]? Mean(int chapter, DateTimeOffset after, DateTimeOffset through)
        {
            var times = _textTimes[chapter];
            var from = UpperBound(times, after);
            var to = UpperBound(times, through);
            if (to <= from) return null;
            if (_means.TryGetValue((chapter, from, to), out var cached)) return cached;
            var mean = new float[_embedder.Dimension];
            for (var k = from; k < to; k++)
            {
                var vector = _textVectors[chapter][k] ??= _embedder.Embed(_texts[chapter][k].Text);
                for (var d = 0; d < mean.Length; d++) mean[d] += vector[d];
            }
            var scale = 1f / (to - from);
            for (var d = 0; d < mean.Length; d++) mean[d] *= scale;
            _means[(chapter, from, to)] = mean;
            return mean;
        }

        /// <summary>The first index whose time is after <paramref name="time"/>.</summary>
        private static int UpperBound(DateTimeOffset[] times, DateTimeOffset time)
        {
            int lo = 0, hi = times.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (times[mid] <= time) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }
    }
}
