using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Indexing;
using static StreamRisk.Core.Tests.Indexing.IndexingEvents;

namespace StreamRisk.Core.Tests.Indexing;

/// <summary>
/// An industry day reaches its issuers once the stream is <see cref="IndustryIndexOptions.MesoReleaseDays"/> past it, so
/// the batches that carry one day's industry texts revise each issuer of the industry once, not once per batch.
/// </summary>
public sealed class IndustryDailyIndex_MesoRelease
{
    private static readonly Dictionary<string, IReadOnlyList<string>> Membership = new()
    {
        ["ISS-A"] = ["BANK"],
        ["ISS-B"] = ["BANK", "STEEL"],
        ["ISS-C"] = ["STEEL"],
    };

    [Fact]
    public void DaysChangedInManyBatches_ReachEachIssuerOnce_WhenTheStreamMovesPastThem()
    {
        var index = new IndustryDailyIndex(Membership, new IndustryIndexOptions { ZScoreMinCount = 3 });
        var aggregator = new DailyAggregator();
        var perIssuerDay = new Dictionary<(string, DateOnly), int>();
        var dailyValues = 0;
        void Step(IndustryIndexUpdate update)
        {
            foreach (var meso in update.IssuerMesoScores)
            {
                perIssuerDay[(meso.IssuerId, meso.Day)] = perIssuerDay.GetValueOrDefault((meso.IssuerId, meso.Day)) + 1;
            }
            dailyValues += aggregator.Apply([], update.IssuerMesoScores).Changed.Count;
        }

        // Twenty texts for day 10, one batch each: nothing reaches the issuers while day 10 is the latest day.
        for (var i = 0; i < 20; i++)
        {
            var update = index.Apply([Industry(i % 2 == 0 ? "BANK" : "STEEL", $"t{i}", 10, (i % 7 - 3) / 4.0)]);
            Assert.Empty(update.IssuerMesoScores);
            Step(update);
        }
        Assert.Equal(2, index.PendingDayCount);

        // The first text of day 11 releases day 10: one meso score per issuer, the day's final one.
        var next = index.Apply([Industry("BANK", "n", 11, 0.5)]);
        Step(next);
        Assert.Equal([("ISS-A", Day(10)), ("ISS-B", Day(10)), ("ISS-C", Day(10))], next.IssuerMesoScores.Select(m => (m.IssuerId, m.Day)));
        Assert.All(next.IssuerMesoScores, m => Assert.Equal(index.MesoScore(m.IssuerId, m.Day), m.MesoScore));
        Assert.All(perIssuerDay.Values, n => Assert.Equal(1, n));
        Assert.Equal(3, dailyValues);
        Assert.Equal(1, index.PendingDayCount);
    }

    [Fact]
    public void ReleaseZero_SendsEveryChange_AsBefore()
    {
        var index = new IndustryDailyIndex(Membership, new IndustryIndexOptions { ZScoreMinCount = 3, MesoReleaseDays = 0 });
        var sent = 0;
        for (var i = 0; i < 20; i++)
        {
            sent += index.Apply([Industry("BANK", $"t{i}", 10, (i % 7 - 3) / 4.0)]).IssuerMesoScores.Count;
        }

        // ISS-A and ISS-B, once per batch.
        Assert.Equal(40, sent);
        Assert.Equal(0, index.PendingDayCount);
    }

    [Fact]
    public void LateTextForAReleasedDay_IsSentAgainAtOnce()
    {
        var index = new IndustryDailyIndex(Membership, new IndustryIndexOptions { ZScoreMinCount = 3 });
        for (var day = 0; day < 12; day++)
        {
            index.Apply([Industry("BANK", $"d{day}", day, (day % 5 - 2) * 0.2)]);
        }

        var late = index.Apply([Industry("BANK", "late", 9, -1.0)]);

        // Day 9 and the later days whose z-score it moved, up to the last released one (10); day 11 still waits.
        Assert.Equal([Day(9), Day(10)], late.IssuerMesoScores.Where(m => m.IssuerId == "ISS-A").Select(m => m.Day));
        Assert.All(late.IssuerMesoScores, m => Assert.Equal(index.MesoScore(m.IssuerId, m.Day), m.MesoScore));
    }

    [Fact]
    public void NegativeReleaseDays_AreRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new IndustryDailyIndex(Membership, new IndustryIndexOptions { MesoReleaseDays = -1 }));

    /// <summary>
    /// Whatever the order (within the reorder window) and batching: every issuer-day the whole stream is a day past holds
    /// exactly the meso score the industry index computes for it, later days hold none from the industries, and the
    /// final daily values are the same bits.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property FinalMeso_IsExactUpToTheReleasedDay_AndIndependentOfBatching() => Prop.ForAll(
        StampedStreams.Scenario(withIndustry: true).ToArbitrary(),
        s =>
        {
            var live = new StampedRun().OneByOne(s.InOrder);
            var other = new StampedRun().Batched(s.Reordered, s.BatchSizes);
            // The stream's watermark: the later of the industry index's and the aggregator's (firm texts, meso days).
            var watermark = new[] { live.Industry.Watermark, live.Aggregator.Watermark }.Max();
            if (watermark is null)
            {
                return true.ToProperty();
            }

            var lastReleased = watermark.Value.AddDays(-new IndustryIndexOptions().MesoReleaseDays);
            var exact = live.LatestDaily.All(kv => kv.Key.Day <= lastReleased
                ? Nullable.Equals(kv.Value.MesoScore, live.Industry.MesoScore(kv.Key.IssuerId, kv.Key.Day))
                : kv.Value.MesoScore is null);
            var sameBits = live.LatestDaily.Count == other.LatestDaily.Count
                && live.LatestDaily.All(kv => other.LatestDaily.TryGetValue(kv.Key, out var o)
                    && Nullable.Equals(kv.Value.MesoScore, o.MesoScore)
                    && BitConverter.DoubleToInt64Bits(kv.Value.Composite) == BitConverter.DoubleToInt64Bits(o.Composite)
                    && BitConverter.DoubleToInt64Bits(kv.Value.Smoothed) == BitConverter.DoubleToInt64Bits(o.Smoothed));
            return (exact && sameBits).Label($"exact {exact}, same bits {sameBits}");
        });
}
