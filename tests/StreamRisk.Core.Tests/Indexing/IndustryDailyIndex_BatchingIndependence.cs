using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Indexing;

namespace StreamRisk.Core.Tests.Indexing;

/// <summary>
/// The industry index judges lateness by each text's ingest stamp, so its verdicts and final industry-day values do not
/// depend on order or batching (within a reorder window smaller than the prune margin).
/// </summary>
public sealed class IndustryDailyIndex_BatchingIndependence
{
    [Property(MaxTest = 200)]
    public Property ReorderedAndBatched_GiveTheSameVerdictsAndFinalValues() => Prop.ForAll(
        StampedStreams.Scenario(withIndustry: true).ToArbitrary(),
        s =>
        {
            var live = new StampedRun().OneByOne(s.InOrder);
            var other = new StampedRun().Batched(s.Reordered, s.BatchSizes);

            var industryTexts = s.InOrder.Where(t => t.Industry is not null).ToArray();
            var expectedTooLate = industryTexts.Where(t => t.IsTooLate).Select(t => t.EventId).Order(StringComparer.Ordinal);
            var industryIds = industryTexts.Select(t => t.EventId).ToHashSet(StringComparer.Ordinal);
            var rejected = live.RejectedSorted().Where(r => industryIds.Contains(r.EventId)).ToArray();
            return rejected.SequenceEqual(other.RejectedSorted().Where(r => industryIds.Contains(r.EventId)))
                && rejected.Select(r => r.EventId).SequenceEqual(expectedTooLate)
                && live.LatestIndustry.Count == other.LatestIndustry.Count
                && live.LatestIndustry.All(kv => other.LatestIndustry.TryGetValue(kv.Key, out var o) && SameFinalValue(kv.Value, o))
                && live.LatestIndustry.All(kv => Bits(kv.Value.ZScore) == Bits(live.Industry.IndustryZScore(kv.Key.IndustryId, kv.Key.Day)));
        });

    private static bool SameFinalValue(IndustryDailyValue a, IndustryDailyValue b) =>
        Bits(a.WeightedMean) == Bits(b.WeightedMean) && a.TextCount == b.TextCount && Bits(a.ZScore) == Bits(b.ZScore);

    private static long? Bits(double? x) => x is { } v ? BitConverter.DoubleToInt64Bits(v) : null;
}
