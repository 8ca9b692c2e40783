using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Ingest;
using static StreamRisk.Core.Tests.Ingest.IngestWatermarkStreams;

namespace StreamRisk.Core.Tests.Ingest;

/// <summary>
/// A restarted ingest rebuilds its watermark from the latest stored documents (their published days and stamps) and
/// stamps exactly what an uninterrupted ingest would.
/// </summary>
public sealed class IngestWatermark_Restore
{
    private static Gen<IngestOptions> AnyOptions =>
        from quorum in Gen.Choose(1, 4)
        from window in Gen.Choose(quorum, 12)
        select new IngestOptions { WatermarkQuorum = quorum, WatermarkWindow = window };

    /// <summary>What the store returns for the first <paramref name="count"/> documents: the last window of them, in
    /// ingest order, each with the stamp it was stored with.</summary>
    private static IReadOnlyList<IngestedDocumentTime> Stored(IngestOptions options, DateOnly[] days, DateOnly[] stamps, int count) =>
        Enumerable.Range(0, count)
            .Select(i => new IngestedDocumentTime(i + 1, days[i].ToDateTime(new TimeOnly(12, 0)), stamps[i]))
            .TakeLast(options.WatermarkWindow)
            .ToArray();

    [Property(MaxTest = 500)]
    public Property Restoring_from_a_prefix_and_continuing_gives_the_uninterrupted_stamps() => Prop.ForAll(
        (from options in AnyOptions
         from days in Gen.OneOf(Unordered(), InOrder())
         from split in Gen.Choose(0, days.Length)
         select (options, days, split)).ToArbitrary(),
        c =>
        {
            var uninterrupted = Stamps(c.options, c.days);
            var restored = IngestWatermark.Restore(c.options, Stored(c.options, c.days, uninterrupted, c.split));
            var continued = Stamps(restored, c.days.Skip(c.split));
            return continued.SequenceEqual(uninterrupted.Skip(c.split))
                && restored.Current == IngestWatermark.Start(c.options).Apply(c.days.Take(c.split)).Current
                && restored.Recent.SequenceEqual(IngestWatermark.Start(c.options).Apply(c.days.Take(c.split)).Recent);
        });

    [Property(MaxTest = 200)]
    public Property Restoring_twice_in_a_row_changes_nothing() => Prop.ForAll(
        (from options in AnyOptions
         from days in Unordered()
         from splits in Gen.ArrayOf(Gen.Choose(0, days.Length), 3)
         select (options, days, splits: splits.Order().ToArray())).ToArbitrary(),
        c =>
        {
            var uninterrupted = Stamps(c.options, c.days);
            // Restart at every split point: each instance stamps its stretch, then stops.
            var stamps = new List<DateOnly>();
            var previous = 0;
            foreach (var split in c.splits.Append(c.days.Length))
            {
                var restored = IngestWatermark.Restore(c.options, Stored(c.options, c.days, uninterrupted, previous));
                stamps.AddRange(Stamps(restored, c.days[previous..split]));
                previous = split;
            }
            return stamps.SequenceEqual(uninterrupted);
        });

    [Fact]
    public void Rows_without_stamps_are_replayed_from_the_window()
    {
        // Documents stored before stamps existed: the best the store can tell is the quorum of the window itself.
        var options = new IngestOptions();
        var days = new[] { new DateOnly(1987, 3, 2), new DateOnly(1987, 3, 3), new DateOnly(2026, 11, 25), new DateOnly(1987, 3, 4) };
        var restored = IngestWatermark.Restore(options,
            days.Select((d, i) => new IngestedDocumentTime(i + 1, d.ToDateTime(TimeOnly.MinValue), null)).ToArray());
        Assert.Equal(new DateOnly(1987, 3, 3), restored.Current);
        Assert.Equal(days, restored.Recent);
    }

    [Fact]
    public void An_empty_store_restores_the_start()
    {
        var restored = IngestWatermark.Restore(new IngestOptions(), []);
        Assert.Null(restored.Current);
        Assert.Empty(restored.Recent);
    }

    [Fact]
    public void Invalid_parameters_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IngestWatermark.Start(new IngestOptions { WatermarkQuorum = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => IngestWatermark.Start(new IngestOptions { WatermarkQuorum = 4, WatermarkWindow = 3 }));
    }
}
