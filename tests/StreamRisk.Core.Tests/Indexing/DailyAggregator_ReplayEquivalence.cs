using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Events;
using StreamRisk.Core.Indexing;
using static StreamRisk.Core.Tests.Indexing.IndexingEvents;

namespace StreamRisk.Core.Tests.Indexing;

/// <summary>Replaying the same texts in another order or other batches must give the same index, bit for bit.</summary>
public sealed class DailyAggregator_ReplayEquivalence
{
    private static Gen<FirmSentiment> Text =>
        from issuer in Gen.Elements("ISS1", "ISS2", "ISS3")
        // An event id always carries the same payload; duplicates are exact redeliveries.
        from doc in Gen.Choose(0, 40)
        from day in Gen.Choose(0, 3)
        from score in Gen.Choose(-1000, 1000)
        select Firm(issuer, $"doc-{doc}-{day}-{score}", day, score / 1000.0);

    [Property(MaxTest = 150)]
    public Property ArrivalOrderAndBatching_DoNotChangeTheIndex() => Prop.ForAll(
        (from texts in Gen.NonEmptyListOf(Text)
         from shuffled in Gen.Shuffle(texts.ToArray())
         from batchSize in Gen.Choose(1, 5)
         select (texts.ToArray(), shuffled, batchSize)).ToArbitrary(),
        s =>
        {
            var (texts, shuffled, batchSize) = s;
            var inOrder = new DailyAggregator();
            var live = Latest(inOrder.Apply(texts).Changed, []);
            var replay = new DailyAggregator();
            var replayed = new Dictionary<(string, DateOnly), DailySentiment>();
            for (var i = 0; i < shuffled.Length; i += batchSize)
            {
                var result = replay.Apply(shuffled.Skip(i).Take(batchSize).ToArray());
                if (result.RejectedTexts.Count > 0)
                {
                    return false;
                }

                Latest(result.Changed, replayed);
            }

            return live.Count == replayed.Count && live.All(kv =>
                replayed.TryGetValue(kv.Key, out var r)
                && Bits(r.Smoothed) == Bits(kv.Value.Smoothed)
                && Bits(r.Composite) == Bits(kv.Value.Composite)
                && r.FirmScore == kv.Value.FirmScore
                && r.FirmCount == kv.Value.FirmCount
                && r.TopDocIds.SequenceEqual(kv.Value.TopDocIds));
        });

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);

    private static Dictionary<(string, DateOnly), DailySentiment> Latest(
        IReadOnlyList<DailySentiment> values, Dictionary<(string, DateOnly), DailySentiment> latest)
    {
        foreach (var v in values)
        {
            latest[(v.IssuerId, v.Day)] = v;
        }

        return latest;
    }
}
