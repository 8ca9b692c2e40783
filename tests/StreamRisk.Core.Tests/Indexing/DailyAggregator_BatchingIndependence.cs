using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Events;
using StreamRisk.Core.Indexing;

namespace StreamRisk.Core.Tests.Indexing;

/// <summary>
/// With lateness judged by each text's ingest stamp, the daily index is a function of the set of texts: applied one by
/// one in ingest order, or reordered within a bounded window (less than the prune margin) and split into random
/// batches, the same texts are accepted and rejected and every (issuer, day) ends with the same value.
/// </summary>
public sealed class DailyAggregator_BatchingIndependence
{
    [Property(MaxTest = 200)]
    public Property ReorderedAndBatched_GiveTheSameVerdictsAndFinalValues() => Prop.ForAll(
        StampedStreams.Scenario(withIndustry: true).ToArbitrary(),
        s =>
        {
            var live = new StampedRun().OneByOne(s.InOrder);
            var other = new StampedRun().Batched(s.Reordered, s.BatchSizes);

            var expectedTooLate = s.InOrder.Where(t => t.IsTooLate).Select(t => t.EventId).Order(StringComparer.Ordinal);
            return live.RejectedSorted().SequenceEqual(other.RejectedSorted())
                && live.Rejected.All(r => r.ReasonCode == RejectionReasons.TooLate)
                && live.RejectedSorted().Select(r => r.EventId).SequenceEqual(expectedTooLate)
                && live.LatestDaily.Count == other.LatestDaily.Count
                && live.LatestDaily.All(kv => other.LatestDaily.TryGetValue(kv.Key, out var o) && SameFinalValue(kv.Value, o));
        });

    /// <summary>Everything but the revision (and so the event id), bit for bit.</summary>
    internal static bool SameFinalValue(DailySentiment a, DailySentiment b) =>
        a.IssuerId == b.IssuerId
        && a.Day == b.Day
        && Bits(a.FirmScore) == Bits(b.FirmScore)
        && a.FirmCount == b.FirmCount
        && Bits(a.MesoScore) == Bits(b.MesoScore)
        && Bits(a.Composite) == Bits(b.Composite)
        && Bits(a.Smoothed) == Bits(b.Smoothed)
        && a.TopDocIds.SequenceEqual(b.TopDocIds);

    private static long? Bits(double? x) => x is { } v ? BitConverter.DoubleToInt64Bits(v) : null;
}
