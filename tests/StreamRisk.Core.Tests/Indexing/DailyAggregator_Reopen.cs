using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Events;
using StreamRisk.Core.Indexing;

namespace StreamRisk.Core.Tests.Indexing;

/// <summary>
/// Pruning only bounds memory: with no prune margin at all and texts reordered far beyond it, an instance that brings
/// pruned days back from what a store would hold (<see cref="DailyAggregator.NeedingReopen"/>, <see cref="DailyAggregator.Reopen"/>,
/// and the same for the industry index) ends with the same verdicts and final values as one that never prunes and
/// sees the texts in ingest order.
/// </summary>
public sealed class DailyAggregator_Reopen
{
    private static Gen<(StampedText[] InOrder, StampedText[] Reordered, int[] BatchSizes)> FarReordered =>
        from texts in StampedStreams.IngestOrder(withIndustry: true)
        from jitter in Gen.ArrayOf(Gen.Choose(0, 30), texts.Length)
        from batchSizes in Gen.ArrayOf(Gen.Choose(1, 8), texts.Length)
        select (texts, texts.Select((t, i) => (t, Key: i + jitter[i])).OrderBy(x => x.Key).Select(x => x.t).ToArray(), batchSizes);

    [Property(MaxTest = 200)]
    public Property PrunedDaysBroughtBackFromTheStore_GiveTheValuesOfARunThatNeverPrunes() => Prop.ForAll(
        FarReordered.ToArbitrary(),
        s =>
        {
            var reference = new StampedRun(
                new IndustryIndexOptions { ZScoreMinCount = 3, PruneMarginDays = 10_000 },
                new DailyAggregatorOptions { PruneMarginDays = 10_000 }).OneByOne(s.InOrder);
            var pruning = new StoreBackedRun();
            var at = 0;
            for (var b = 0; at < s.Reordered.Length; b++)
            {
                var size = s.BatchSizes[b % s.BatchSizes.Length];
                pruning.Apply([.. s.Reordered.Skip(at).Take(size)]);
                at += size;
            }

            var expectedRejected = reference.Rejected.Select(r => r.EventId).ToHashSet(StringComparer.Ordinal);
            return pruning.Refused.SetEquals(expectedRejected)
                && !pruning.ReasonCodes.Contains(RejectionReasons.DayPruned)
                && reference.LatestDaily.Count == pruning.Daily.Count
                && reference.LatestDaily.All(kv => pruning.Daily.TryGetValue(kv.Key, out var o) && DailyAggregator_BatchingIndependence.SameFinalValue(kv.Value, o));
        });

    /// <summary>What the aggregate stage does with a batch, over an in-memory "store": the latest daily value per key,
    /// the texts applied, and the inbox (every text applied or refused).</summary>
    private sealed class StoreBackedRun
    {
        private readonly IndustryDailyIndex _industry = new(StampedStreams.IssuerIndustries, new IndustryIndexOptions { ZScoreMinCount = 3, PruneMarginDays = 0 });
        private readonly DailyAggregator _aggregator = new(new DailyAggregatorOptions { PruneMarginDays = 0 });
        private readonly List<FirmSentiment> _appliedFirm = [];
        private readonly List<IndustrySentiment> _appliedIndustry = [];
        private readonly HashSet<string> _inbox = new(StringComparer.Ordinal);

        public Dictionary<(string IssuerId, DateOnly Day), DailySentiment> Daily { get; } = [];
        public HashSet<string> Refused { get; } = new(StringComparer.Ordinal);
        public HashSet<string> ReasonCodes { get; } = new(StringComparer.Ordinal);

        public void Apply(IReadOnlyList<StampedText> batch)
        {
            var firm = batch.Where(t => t.Firm is not null).Select(t => t.Firm!).OrderBy(f => f.IngestSeq).ToList();
            var industry = batch.Where(t => t.Industry is not null).Select(t => t.Industry!).OrderBy(i => i.IngestSeq).ToList();

            var seen = _industry.NeedingReopen(industry).Select(t => t.EventId).Concat(_aggregator.NeedingReopen(firm).Texts.Select(t => t.EventId))
                .Where(_inbox.Contains).ToHashSet(StringComparer.Ordinal);
            industry.RemoveAll(t => seen.Contains(t.EventId));
            firm.RemoveAll(t => seen.Contains(t.EventId));
            foreach (var group in _industry.NeedingReopen(industry).GroupBy(t => t.IndustryId))
            {
                var from = group.Min(t => DateOnly.FromDateTime(t.PublishedAt.UtcDateTime));
                _industry.Reopen(group.Key, from, group.Max(t => DateOnly.FromDateTime(t.PublishedAt.UtcDateTime)), [.. _appliedIndustry.Where(t => t.IndustryId == group.Key && DateOnly.FromDateTime(t.PublishedAt.UtcDateTime) >= from)]);
            }

            var update = _industry.Apply(industry, _aggregator.WatermarkAfter(firm));
            var toReopen = _aggregator.NeedingReopen(firm, update.IssuerMesoScores);
            var lateSeen = toReopen.Texts.Select(t => t.EventId).Where(_inbox.Contains).ToHashSet(StringComparer.Ordinal);
            firm.RemoveAll(t => lateSeen.Contains(t.EventId));
            var issuerDays = toReopen.Texts.Where(t => !lateSeen.Contains(t.EventId)).Select(t => (t.IssuerId, Day: DateOnly.FromDateTime(t.PublishedAt.UtcDateTime)))
                .Concat(toReopen.Meso.Select(m => (m.IssuerId, m.Day)))
                .GroupBy(p => p.IssuerId);
            foreach (var group in issuerDays)
            {
                var from = group.Min(p => p.Day);
                _aggregator.Reopen(group.Key, from, group.Max(p => p.Day),
                    [.. Daily.Values.Where(d => d.IssuerId == group.Key && d.Day >= from)],
                    [.. _appliedFirm.Where(t => t.IssuerId == group.Key && DateOnly.FromDateTime(t.PublishedAt.UtcDateTime) >= from)]);
            }

            var aggregation = _aggregator.Apply(firm, update.IssuerMesoScores);
            foreach (var value in aggregation.Changed)
            {
                Daily[(value.IssuerId, value.Day)] = value;
            }

            var refusedNow = update.Rejected.Select(r => (r.Input.EventId, r.ReasonCode)).Concat(aggregation.RejectedTexts.Select(r => (r.Input.EventId, r.ReasonCode))).ToList();
            foreach (var (id, code) in refusedNow)
            {
                Refused.Add(id);
                ReasonCodes.Add(code);
                _inbox.Add(id);
            }

            var refusedIds = refusedNow.Select(r => r.EventId).ToHashSet(StringComparer.Ordinal);
            foreach (var text in industry.Where(t => !refusedIds.Contains(t.EventId) && _inbox.Add(t.EventId)))
            {
                _appliedIndustry.Add(text);
            }

            foreach (var text in firm.Where(t => !refusedIds.Contains(t.EventId) && _inbox.Add(t.EventId)))
            {
                _appliedFirm.Add(text);
            }
        }
    }
}
