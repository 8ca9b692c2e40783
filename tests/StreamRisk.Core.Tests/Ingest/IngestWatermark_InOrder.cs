using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Ingest;
using static StreamRisk.Core.Tests.Ingest.IngestWatermarkStreams;

namespace StreamRisk.Core.Tests.Ingest;

/// <summary>
/// On a stream in published-day order the quorum watermark differs from the running maximum by a stated bound: the
/// stamp of a document is the day of the document quorum − 1 places before it. Late texts keep their meaning.
/// </summary>
public sealed class IngestWatermark_InOrder
{
    private static readonly IngestOptions Options = new();

    [Property(MaxTest = 300)]
    public Property The_stamp_of_an_in_order_document_is_the_day_of_the_document_quorum_minus_one_places_before_it() => Prop.ForAll(
        InOrder().ToArbitrary(),
        days =>
        {
            var stamps = Stamps(Options, days);
            var lag = Options.WatermarkQuorum - 1;
            return days.Select((d, i) => stamps[i] == (i < lag ? d : days[i - lag])).All(ok => ok)
                && days.Select((d, i) => !IsTooLate(d, stamps[i])).All(ok => ok);
        });

    [Property(MaxTest = 300)]
    public Property A_quorum_of_one_is_the_running_maximum() => Prop.ForAll(
        Unordered().ToArbitrary(),
        days =>
        {
            var stamps = Stamps(new IngestOptions { WatermarkQuorum = 1, WatermarkWindow = 1 }, days);
            return days.Select((d, i) => stamps[i] == days.Take(i + 1).Max()).All(ok => ok);
        });

    [Property(MaxTest = 300)]
    public Property The_watermark_never_moves_back_and_never_passes_the_quorum_th_latest_day_seen() => Prop.ForAll(
        Unordered().ToArbitrary(),
        days =>
        {
            var watermark = IngestWatermark.Start(Options);
            for (var i = 0; i < days.Length; i++)
            {
                var next = watermark.After(days[i]);
                var seen = days.Take(i + 1).OrderDescending().ToArray();
                if (watermark.Current is { } before && next.Current < before) return false;
                if (next.Current is { } now && now > seen[Options.WatermarkQuorum - 1]) return false;
                watermark = next;
            }
            return true;
        });

    [Fact]
    public void A_text_is_late_once_a_quorum_of_texts_more_than_the_lateness_newer_was_accepted()
    {
        var watermark = IngestWatermark.Start(Options).Apply([new DateOnly(1987, 3, 1), new DateOnly(1987, 3, 10), new DateOnly(1987, 3, 11)]);
        // Only two documents are more than 3 days newer than the 2nd: it is not yet late ...
        Assert.False(IsTooLate(new DateOnly(1987, 3, 2), watermark.StampFor(new DateOnly(1987, 3, 2))));
        // ... and after a third it is.
        watermark = watermark.After(new DateOnly(1987, 3, 12));
        Assert.Equal(new DateOnly(1987, 3, 10), watermark.Current);
        Assert.True(IsTooLate(new DateOnly(1987, 3, 2), watermark.StampFor(new DateOnly(1987, 3, 2))));
    }
}
