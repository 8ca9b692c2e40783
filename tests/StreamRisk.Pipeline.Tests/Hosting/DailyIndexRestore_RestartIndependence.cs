using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Events;
using StreamRisk.Core.Graph;
using StreamRisk.Core.Indexing;
using StreamRisk.Core.Reference;
using StreamRisk.Pipeline.Hosting;

namespace StreamRisk.Pipeline.Tests.Hosting;

/// <summary>
/// The daily index the aggregate stage stores is a function of the texts it applied: the same stream, cut into other
/// batches and interrupted at any batch boundary (the stage's state rebuilt from its inbox, as a restarted worker does,
/// and the rest of the stream consumed by the new instance), ends with the same value for every issuer-day, bit for
/// bit, and the rebuild finds nothing to correct in what the interrupted instance had stored. Industry news (held back
/// until the stream is a day past it) and spill-over between related issuers are both in play.
/// </summary>
public sealed class DailyIndexRestore_RestartIndependence
{
    private static readonly Dictionary<string, IReadOnlyList<string>> IssuerIndustries = new()
    {
        ["A"] = ["BANK"],
        ["B"] = ["BANK", "STEEL"],
        ["C"] = ["STEEL"],
        ["D"] = [],
    };

    private static readonly IssuerRelation[] Relations =
    [
        new("A", "B", IssuerRelationKind.Supplier, 0.8),
        new("B", "C", IssuerRelationKind.Guarantor, 0.6),
        new("C", "D", IssuerRelationKind.Supplier, 0.5),
    ];

    private static readonly DateOnly Day0 = new(2024, 3, 1);

    private sealed record Doc(int Advance, int Back, bool IsIndustry, string[] Targets, int Score);

    private static Gen<Doc> DocGen =>
        from advance in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2)))
        // Mostly on time; 4 and 5 are later than the allowed lateness of 3 days and refused.
        from back in Gen.Frequency((6, Gen.Constant(0)), (3, Gen.Choose(1, 3)), (1, Gen.Choose(4, 5)))
        from isIndustry in Gen.Frequency((3, Gen.Constant(false)), (2, Gen.Constant(true)))
        from targets in Gen.SubListOf(isIndustry ? new[] { "BANK", "STEEL" } : ["A", "B", "C", "D"]).Where(t => t.Count > 0)
        from score in Gen.Choose(-1000, 1000)
        select new Doc(advance, back, isIndustry, [.. targets], score);

    /// <summary>Texts in ingest order (stamp: the running maximum of the days so far), arrival order (each text moved
    /// at most 3 places, as partitions interleave), two sets of batch sizes and the batch the second run is stopped after.</summary>
    private static Gen<(object[] Arrival, int[] SizesA, int[] SizesB, int StopAfter)> Scenario =>
        from docs in Gen.NonEmptyListOf(DocGen)
        let texts = Build(docs)
        from jitter in Gen.ArrayOf(Gen.Choose(0, 3), texts.Length)
        from sizesA in Gen.ArrayOf(Gen.Choose(1, 6), texts.Length)
        from sizesB in Gen.ArrayOf(Gen.Choose(1, 6), texts.Length)
        from stopAfter in Gen.Choose(0, texts.Length)
        select (texts.Select((t, i) => (t, Key: i + jitter[i])).OrderBy(x => x.Key).Select(x => x.t).ToArray(), sizesA, sizesB, stopAfter);

    private static object[] Build(IEnumerable<Doc> docs)
    {
        var texts = new List<object>();
        int? watermark = null;
        var n = 0;
        foreach (var doc in docs)
        {
            n++;
            var day = watermark is { } w ? w + doc.Advance - doc.Back : 10;
            watermark = Math.Max(watermark ?? day, day);
            var stamp = Day0.AddDays(watermark.Value);
            var at = new DateTimeOffset(Day0.AddDays(day).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
            foreach (var target in doc.Targets)
            {
                var score = doc.Score / 1000.0;
                texts.Add(doc.IsIndustry
                    ? new IndustrySentiment($"doc{n}:{target}", $"doc{n}", target, at, score, 1.0, [new TopicHit("t", 0.8)], "test", n, stamp)
                    : new FirmSentiment($"doc{n}:{target}", $"doc{n}", target, at, Math.Max(0, -score), 1 - Math.Abs(score), Math.Max(0, score), score, 1, "test", n, stamp));
            }
        }

        return [.. texts];
    }

    [Property(MaxTest = 300)]
    public Property Batching_and_a_restart_at_any_batch_boundary_do_not_change_the_stored_daily_index() => Prop.ForAll(
        Scenario.ToArbitrary(),
        s =>
        {
            var uninterrupted = new Stage(NewRestore());
            uninterrupted.Consume(s.Arrival, s.SizesA, 0, int.MaxValue);

            var interrupted = new Stage(NewRestore());
            var consumed = interrupted.Consume(s.Arrival, s.SizesB, 0, s.StopAfter);
            var restarted = interrupted.Restart();
            var corrections = restarted.Corrections.Count;
            restarted.Consume(s.Arrival, s.SizesB, consumed, int.MaxValue);

            var differing = uninterrupted.Stored.Where(kv => !restarted.Stored.TryGetValue(kv.Key, out var o) || !SameBits(kv.Value, o))
                .Select(kv => $"{kv.Key.IssuerId} {kv.Key.Day}").ToList();
            var extra = restarted.Stored.Keys.Where(k => !uninterrupted.Stored.ContainsKey(k)).Select(k => $"{k.IssuerId} {k.Day}").ToList();
            return (corrections == 0 && differing.Count == 0 && extra.Count == 0)
                .Label($"corrections at the restart {corrections}; differing {string.Join(", ", differing)}; only after the restart {string.Join(", ", extra)}");
        });

    private static bool SameBits(DailySentiment a, DailySentiment b) =>
        DailyIndexRestore.SameValue(a, b) && Nullable.Equals(a.SpilloverScore, b.SpilloverScore)
        && BitConverter.DoubleToInt64Bits(a.Smoothed) == BitConverter.DoubleToInt64Bits(b.Smoothed);

    private static DailyIndexRestore NewRestore() => new(
        new DailyAggregator(spillover: new SpilloverMap(IssuerIndustries.Keys.Select(i => (i, SpilloverPropagation.Reach(i, Relations, new SpilloverOptions(0.5, 2)))))),
        new IndustryDailyIndex(IssuerIndustries, new IndustryIndexOptions { ZScoreMinCount = 3 }));

    /// <summary>What the aggregate stage does with a batch (texts ordered by ingest sequence, industry first, the firm
    /// texts' watermark handed to the industry index), over an in-memory store: its inbox of applied texts and the latest
    /// daily value per issuer-day.</summary>
    private sealed class Stage(DailyIndexRestore state)
    {
        private readonly HashSet<string> _inbox = new(StringComparer.Ordinal);
        private readonly List<FirmSentiment> _appliedFirm = [];
        private readonly List<IndustrySentiment> _appliedIndustry = [];

        public Dictionary<(string IssuerId, DateOnly Day), DailySentiment> Stored { get; private init; } = [];

        public IReadOnlyList<DailySentiment> Corrections { get; private init; } = [];

        /// <summary>Consumes batches from text <paramref name="from"/> on until <paramref name="batches"/> were applied;
        /// returns the position reached.</summary>
        public int Consume(object[] arrival, int[] sizes, int from, int batches)
        {
            var at = from;
            for (var b = 0; at < arrival.Length && b < batches; b++)
            {
                var size = sizes[(at + b) % sizes.Length];
                Apply(arrival.Skip(at).Take(size).ToList());
                at += size;
            }

            return at;
        }

        private void Apply(List<object> batch)
        {
            var firm = batch.OfType<FirmSentiment>().Where(t => !_inbox.Contains(t.EventId)).OrderBy(t => t.IngestSeq).ThenBy(t => t.EventId, StringComparer.Ordinal).ToList();
            var industry = batch.OfType<IndustrySentiment>().Where(t => !_inbox.Contains(t.EventId)).OrderBy(t => t.IngestSeq).ThenBy(t => t.EventId, StringComparer.Ordinal).ToList();
            var update = state.IndustryIndex.Apply(industry, state.Aggregator.WatermarkAfter(firm));
            var aggregation = state.Aggregator.Apply(firm, update.IssuerMesoScores);
            Assert.Empty(aggregation.RejectedMesoScores);
            Assert.DoesNotContain(aggregation.RejectedTexts, r => r.ReasonCode == RejectionReasons.DayPruned);
            foreach (var value in aggregation.Changed)
            {
                Stored[(value.IssuerId, value.Day)] = value;
            }

            var refused = update.Rejected.Select(r => r.Input.EventId).Concat(aggregation.RejectedTexts.Select(r => r.Input.EventId)).ToHashSet(StringComparer.Ordinal);
            foreach (var text in industry.Where(t => _inbox.Add(t.EventId) && !refused.Contains(t.EventId)))
            {
                _appliedIndustry.Add(text);
            }

            foreach (var text in firm.Where(t => _inbox.Add(t.EventId) && !refused.Contains(t.EventId)))
            {
                _appliedFirm.Add(text);
            }
        }

        /// <summary>A new instance rebuilt from this one's store, as <see cref="StageFactory"/> does on start.</summary>
        public Stage Restart()
        {
            var restore = NewRestore();
            restore.Replay([.. _appliedFirm.OrderBy(t => t.IngestSeq)], [.. _appliedIndustry.OrderBy(t => t.IngestSeq)]);
            var corrections = restore.Corrections(Stored);
            var stored = new Dictionary<(string IssuerId, DateOnly Day), DailySentiment>(Stored);
            foreach (var c in corrections)
            {
                stored[(c.IssuerId, c.Day)] = c;
            }

            restore.Aggregator.AdoptEmitted(stored.Values);
            var next = new Stage(restore) { Stored = stored, Corrections = corrections };
            next._inbox.UnionWith(_inbox);
            next._appliedFirm.AddRange(_appliedFirm);
            next._appliedIndustry.AddRange(_appliedIndustry);
            return next;
        }
    }
}
