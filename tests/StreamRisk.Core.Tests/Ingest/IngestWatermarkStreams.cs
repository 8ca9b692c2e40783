using FsCheck;
using FsCheck.Fluent;
using StreamRisk.Core.Indexing;
using StreamRisk.Core.Ingest;

namespace StreamRisk.Core.Tests.Ingest;

/// <summary>Generated document streams for the <see cref="IngestWatermark"/> properties, and the stamps ingest gives them.</summary>
internal static class IngestWatermarkStreams
{
    public static readonly DateOnly Start = new(1987, 2, 26);

    /// <summary>The daily index's verdict (allowed lateness 3 days, as DailyAggregatorOptions' default).</summary>
    private static readonly EventTimeWatermark Lateness = new(new DailyAggregatorOptions().AllowedLatenessDays);

    /// <summary>Published days that never decrease: mostly several texts a day, sometimes gaps of up to two weeks.</summary>
    public static Gen<DateOnly[]> InOrder(int maxLength = 150) =>
        from length in Gen.Choose(1, maxLength)
        from steps in Gen.ArrayOf(Gen.Frequency((6, Gen.Constant(0)), (3, Gen.Choose(1, 2)), (1, Gen.Choose(3, 14))), length)
        select steps.Select((_, i) => Start.AddDays(steps.Take(i + 1).Sum())).ToArray();

    /// <summary>Any days, in any order, over a few months (late texts, bursts, reordering).</summary>
    public static Gen<DateOnly[]> Unordered(int maxLength = 120) =>
        from length in Gen.Choose(0, maxLength)
        from offsets in Gen.ArrayOf(Gen.Frequency((8, Gen.Choose(0, 90)), (1, Gen.Choose(3000, 15000))), length)
        select offsets.Select(o => Start.AddDays(o)).ToArray();

    /// <summary>The stamp of each document, accepted in order from an empty store.</summary>
    public static DateOnly[] Stamps(IngestOptions options, IEnumerable<DateOnly> days) => Stamps(IngestWatermark.Start(options), days);

    public static DateOnly[] Stamps(IngestWatermark watermark, IEnumerable<DateOnly> days)
    {
        var stamps = new List<DateOnly>();
        foreach (var day in days)
        {
            stamps.Add(watermark.StampFor(day));
            watermark = watermark.After(day);
        }
        return [.. stamps];
    }

    public static bool IsTooLate(DateOnly day, DateOnly stamp) => Lateness.IsTooLate(day, Lateness.EffectiveStamp(day, stamp));
}
