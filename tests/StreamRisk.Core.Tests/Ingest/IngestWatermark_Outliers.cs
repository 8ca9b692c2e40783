using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Ingest;
using static StreamRisk.Core.Tests.Ingest.IngestWatermarkStreams;

namespace StreamRisk.Core.Tests.Ingest;

/// <summary>
/// A few mis-dated texts (dated years ahead, e.g. today in a 1987 archive) cannot move the ingest watermark, so no
/// in-order text is refused as too late because of them.
/// </summary>
public sealed class IngestWatermark_Outliers
{
    private static readonly IngestOptions Options = new();

    /// <summary>An in-order stream with outliers inserted at the given positions; true marks an outlier.</summary>
    private static (DateOnly Day, bool Outlier)[] Insert(DateOnly[] inOrder, IEnumerable<(int Position, int DaysAhead)> outliers)
    {
        var merged = inOrder.Select(d => (Day: d, Outlier: false)).ToList();
        foreach (var (position, ahead) in outliers.OrderByDescending(o => o.Position))
        {
            merged.Insert(Math.Min(position, merged.Count), (inOrder[^1].AddDays(ahead), true));
        }
        return [.. merged];
    }

    private static bool NoInOrderTextIsLate((DateOnly Day, bool Outlier)[] stream)
    {
        var stamps = Stamps(Options, stream.Select(s => s.Day));
        return stream.Select((s, i) => s.Outlier || !IsTooLate(s.Day, stamps[i])).All(ok => ok);
    }

    [Property(MaxTest = 300)]
    public Property Fewer_outliers_than_the_quorum_anywhere_never_make_an_in_order_text_late() => Prop.ForAll(
        (from days in InOrder()
         from count in Gen.Choose(1, Options.WatermarkQuorum - 1)
         from outliers in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, days.Length), Gen.Choose(4, 15000)), count)
         select Insert(days, outliers.Select(o => (o.Item1, o.Item2)))).ToArbitrary(),
        NoInOrderTextIsLate);

    /// <summary>Outliers after every <c>gap</c> in-order texts: any number of them, with at least
    /// (window − 1) / (quorum − 1) in-order texts between two, so that no window holds a quorum of them.</summary>
    private static (DateOnly Day, bool Outlier)[] Interleave(DateOnly[] inOrder, int[] gaps, int[] daysAhead)
    {
        var merged = new List<(DateOnly Day, bool Outlier)>();
        var next = 0;
        for (var k = 0; k < gaps.Length; k++)
        {
            for (var n = 0; n < gaps[k] && next < inOrder.Length; n++)
            {
                merged.Add((inOrder[next++], false));
            }
            merged.Add((inOrder[^1].AddDays(daysAhead[k]), true));
        }
        merged.AddRange(inOrder.Skip(next).Select(d => (d, false)));
        return [.. merged];
    }

    [Property(MaxTest = 300)]
    public Property Any_number_of_outliers_spread_so_no_window_holds_a_quorum_never_make_an_in_order_text_late()
    {
        var minGap = (Options.WatermarkWindow - 1) / (Options.WatermarkQuorum - 1);
        return Prop.ForAll(
            (from days in InOrder(300)
             from first in Gen.Choose(0, 20)
             from count in Gen.Choose(0, 40)
             from gaps in Gen.ArrayOf(Gen.Choose(minGap, 3 * minGap), count)
             from ahead in Gen.ArrayOf(Gen.Choose(4, 15000), gaps.Length + 1)
             select Interleave(days, [first, .. gaps], ahead)).ToArbitrary(),
            NoInOrderTextIsLate);
    }

    [Fact]
    public void One_text_dated_today_before_a_1987_corpus_leaves_the_watermark_in_1987()
    {
        var today = new DateOnly(2026, 11, 25);
        var corpus = Enumerable.Range(0, 100).Select(i => new DateOnly(1987, 2, 26).AddDays(i / 3)).ToArray();
        var stamps = Stamps(Options, [today, .. corpus]);

        Assert.Equal(today, stamps[0]); // no quorum yet: its own day, by which nothing is late
        Assert.All(corpus.Select((d, i) => (d, stamps[i + 1])), p => Assert.False(IsTooLate(p.d, p.Item2), $"{p.d} refused by stamp {p.Item2}"));
        // The watermark is where the corpus got to: the third latest of its days.
        Assert.Equal(corpus[^3], IngestWatermark.Start(Options).After(today).Apply(corpus).Current);
    }

    [Fact]
    public void As_many_outliers_as_the_quorum_within_a_window_do_move_it()
    {
        // The limit of the guarantee, stated: three texts at one later day within ten documents are a quorum.
        var day = new DateOnly(1987, 3, 2);
        var ahead = new DateOnly(1988, 1, 1);
        var watermark = IngestWatermark.Start(Options).Apply([day, day, ahead, day, ahead, day, ahead]);
        Assert.Equal(ahead, watermark.Current);
    }
}

internal static class IngestWatermarkExtensions
{
    public static IngestWatermark Apply(this IngestWatermark watermark, IEnumerable<DateOnly> days) =>
        days.Aggregate(watermark, (w, d) => w.After(d));
}
