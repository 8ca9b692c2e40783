using FsCheck;
using FsCheck.Fluent;
using StreamRisk.Core.Events;
using StreamRisk.Core.Indexing;
using static StreamRisk.Core.Tests.Indexing.IndexingEvents;

namespace StreamRisk.Core.Tests.Indexing;

/// <summary>One text of a generated stream: firm or industry, with its ingest stamp as ingest would assign it.</summary>
internal sealed record StampedText(FirmSentiment? Firm, IndustrySentiment? Industry, int DayOffset, int StampOffset)
{
    public string EventId => Firm?.EventId ?? Industry!.EventId;

    /// <summary>Whether the stamp makes the text too late under the default allowed lateness.</summary>
    public bool IsTooLate => DayOffset < StampOffset - StampedStreams.AllowedLateness;
}

/// <summary>
/// Generates streams of stamped firm and industry texts in ingest order (stamps non-decreasing: each is the running
/// maximum of the published days so far), some later than the allowed lateness, some redelivered, and replays them
/// reordered within a bounded window and split into random batches.
/// </summary>
internal static class StampedStreams
{
    public const int AllowedLateness = 3;

    /// <summary>How many positions a text may move when reordered. Stamps grow at most <see cref="MaxAdvance"/> days per
    /// document, so the reorder in event days stays inside the default prune margin of 14 days
    /// (a bare aggregator, without the store to bring pruned days back).</summary>
    public const int ReorderWindow = 4;

    private const int MaxAdvance = 2;

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> IssuerIndustries =
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["ISS1"] = ["BANK"],
            ["ISS2"] = ["BANK", "STEEL"],
            ["ISS3"] = ["TECH"],
            ["ISS4"] = [],
        };

    private static readonly string[] Issuers = ["ISS1", "ISS2", "ISS3", "ISS4"];
    private static readonly string[] Industries = ["BANK", "STEEL", "TECH"];

    private sealed record DocSpec(int Advance, int Back, bool IsIndustry, string[] Targets, int[] Scores, int Weight, bool Redelivered);

    private static Gen<DocSpec> Doc(bool withIndustry) =>
        from kind in Gen.Frequency((5, Gen.Constant(0)), (3, Gen.Constant(1)))
        from advance in Gen.Choose(0, MaxAdvance)
        // 0..3 on time, 4..9 later than the lateness.
        from back in Gen.Choose(0, 9)
        from isIndustry in withIndustry ? Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true))) : Gen.Constant(false)
        from targets in Gen.SubListOf(isIndustry ? Industries : Issuers).Where(t => t.Count > 0)
        from scores in Gen.ArrayOf(Gen.Choose(-1000, 1000), targets.Count)
        from weight in Gen.Elements(-10, -5, 5, 10, 15, 20)
        from redelivered in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new DocSpec(kind == 0 ? advance : 0, kind == 1 ? back : 0, isIndustry, [.. targets], scores, weight, redelivered);

    /// <summary>Texts in ingest order.</summary>
    public static Gen<StampedText[]> IngestOrder(bool withIndustry) =>
        Gen.NonEmptyListOf(Doc(withIndustry)).Select(Build);

    /// <summary>A stream in ingest order, the same texts reordered within <see cref="ReorderWindow"/>, and batch sizes.</summary>
    public static Gen<(StampedText[] InOrder, StampedText[] Reordered, int[] BatchSizes)> Scenario(bool withIndustry) =>
        from texts in IngestOrder(withIndustry)
        from jitter in Gen.ArrayOf(Gen.Choose(0, ReorderWindow), texts.Length)
        from batchSizes in Gen.ArrayOf(Gen.Choose(1, 8), texts.Length)
        select (texts, texts.Select((t, i) => (t, Key: i + jitter[i])).OrderBy(x => x.Key).Select(x => x.t).ToArray(), batchSizes);

    private static StampedText[] Build(IEnumerable<DocSpec> docs)
    {
        var texts = new List<StampedText>();
        int? watermark = null;
        var n = 0;
        foreach (var doc in docs)
        {
            n++;
            var day = watermark is { } w ? w + doc.Advance - doc.Back : 10;
            watermark = Math.Max(watermark ?? day, day);
            var stamp = watermark.Value;
            var docTexts = new List<StampedText>();
            for (var i = 0; i < doc.Targets.Length; i++)
            {
                var score = doc.Scores[i] / 1000.0;
                docTexts.Add(doc.IsIndustry
                    ? new StampedText(null, Industry(doc.Targets[i], $"doc{n}", day, score, doc.Weight / 10.0) with { IngestSeq = n, Watermark = Day(stamp) }, day, stamp)
                    : new StampedText(Firm(doc.Targets[i], $"doc{n}", day, score) with { IngestSeq = n, Watermark = Day(stamp) }, null, day, stamp));
            }

            texts.AddRange(docTexts);
            if (doc.Redelivered)
            {
                texts.AddRange(docTexts);
            }
        }

        return [.. texts];
    }
}

/// <summary>Feeds texts to an industry index and a daily aggregator as the aggregate stage does, and keeps the latest
/// value emitted per key and every rejection.</summary>
internal sealed class StampedRun
{
    public StampedRun(IndustryIndexOptions? industryOptions = null, DailyAggregatorOptions? aggregatorOptions = null)
    {
        Industry = new IndustryDailyIndex(StampedStreams.IssuerIndustries, industryOptions ?? new IndustryIndexOptions { ZScoreMinCount = 3 });
        Aggregator = new DailyAggregator(aggregatorOptions);
    }

    public IndustryDailyIndex Industry { get; }

    public DailyAggregator Aggregator { get; }

    public Dictionary<(string IssuerId, DateOnly Day), DailySentiment> LatestDaily { get; } = [];

    public Dictionary<(string IndustryId, DateOnly Day), IndustryDailyValue> LatestIndustry { get; } = [];

    /// <summary>(event id, reason code) of every rejected text, in rejection order.</summary>
    public List<(string EventId, string ReasonCode)> Rejected { get; } = [];

    public void Apply(IReadOnlyList<StampedText> batch)
    {
        var firm = batch.Where(t => t.Firm is not null).Select(t => t.Firm!).ToArray();
        var update = Industry.Apply([.. batch.Where(t => t.Industry is not null).Select(t => t.Industry!)], Aggregator.WatermarkAfter(firm));
        foreach (var value in update.ChangedIndustryDays)
        {
            LatestIndustry[(value.IndustryId, value.Day)] = value;
        }

        Rejected.AddRange(update.Rejected.Select(r => (r.Input.EventId, r.ReasonCode)));
        var aggregation = Aggregator.Apply(firm, update.IssuerMesoScores);
        foreach (var value in aggregation.Changed)
        {
            LatestDaily[(value.IssuerId, value.Day)] = value;
        }

        Rejected.AddRange(aggregation.RejectedTexts.Select(r => (r.Input.EventId, r.ReasonCode)));
        if (aggregation.RejectedMesoScores.Count > 0)
        {
            Rejected.AddRange(aggregation.RejectedMesoScores.Select(r => ($"meso:{r.Input.IssuerId}:{r.Input.Day:yyyy-MM-dd}", r.ReasonCode)));
        }
    }

    /// <summary>One text at a time, in the given order.</summary>
    public StampedRun OneByOne(IEnumerable<StampedText> texts)
    {
        foreach (var text in texts)
        {
            Apply([text]);
        }

        return this;
    }

    /// <summary>In batches of the given sizes (cycled), in the given order.</summary>
    public StampedRun Batched(IReadOnlyList<StampedText> texts, IReadOnlyList<int> batchSizes)
    {
        var at = 0;
        for (var b = 0; at < texts.Count; b++)
        {
            var size = batchSizes[b % batchSizes.Count];
            Apply([.. texts.Skip(at).Take(size)]);
            at += size;
        }

        return this;
    }

    /// <summary>The rejections as a sorted multiset.</summary>
    public List<(string EventId, string ReasonCode)> RejectedSorted() =>
        [.. Rejected.OrderBy(r => r.EventId, StringComparer.Ordinal).ThenBy(r => r.ReasonCode, StringComparer.Ordinal)];
}
