using Microsoft.Extensions.Time.Testing;
using StreamRisk.Core.Events;
using StreamRisk.Core.Ingest;

namespace StreamRisk.Core.Tests.Ingest;

public class NewsAdmission_Watermark
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly NewsAdmission _admission = new(new IngestOptions(), new FakeTimeProvider(Now));

    private static RawNews News(DateTimeOffset published) => new("d1", "wire", published, "Head", "Body.");

    [Fact]
    public void First_document_is_stamped_with_its_own_utc_day()
    {
        // 23:30 at UTC−2 is 01:30 UTC the next day.
        var document = _admission.Admit(News(new DateTimeOffset(2026, 5, 1, 23, 30, 0, TimeSpan.FromHours(-2))), 1).Document!;
        Assert.Equal(new DateOnly(2026, 5, 2), document.Watermark);
    }

    [Fact]
    public void A_document_is_stamped_with_the_watermark_it_would_hold_once_accepted_and_admission_does_not_advance_it()
    {
        var watermark = IngestWatermark.Start(new IngestOptions()).After(new DateOnly(2026, 5, 10)).After(new DateOnly(2026, 5, 10)).After(new DateOnly(2026, 5, 11));
        Assert.Equal(new DateOnly(2026, 5, 10), watermark.Current);
        // One document at the 12th is not a quorum: the stamp stays at the 10th, and an older one keeps it too.
        Assert.Equal(new DateOnly(2026, 5, 10), _admission.Admit(News(new DateTimeOffset(2026, 5, 12, 8, 0, 0, TimeSpan.Zero)), 4, watermark).Document!.Watermark);
        Assert.Equal(new DateOnly(2026, 5, 10), _admission.Admit(News(new DateTimeOffset(2026, 5, 3, 8, 0, 0, TimeSpan.Zero)), 4, watermark).Document!.Watermark);
        Assert.Equal(new DateOnly(2026, 5, 10), watermark.Current);
    }

    [Fact]
    public void With_a_quorum_of_one_the_stamp_is_the_running_maximum()
    {
        var options = new IngestOptions { WatermarkQuorum = 1, WatermarkWindow = 1 };
        var admission = new NewsAdmission(options, new FakeTimeProvider(Now));
        var watermark = IngestWatermark.Start(options).After(new DateOnly(2026, 5, 10));
        Assert.Equal(new DateOnly(2026, 5, 12), admission.Admit(News(new DateTimeOffset(2026, 5, 12, 8, 0, 0, TimeSpan.Zero)), 2, watermark).Document!.Watermark);
        Assert.Equal(new DateOnly(2026, 5, 10), admission.Admit(News(new DateTimeOffset(2026, 5, 3, 8, 0, 0, TimeSpan.Zero)), 2, watermark).Document!.Watermark);
    }

    [Fact]
    public void The_stamp_travels_as_watermark_and_is_absent_when_null()
    {
        var document = _admission.Admit(News(new DateTimeOffset(2026, 5, 12, 8, 0, 0, TimeSpan.Zero)), 2).Document!;
        Assert.Contains("\"watermark\":\"2026-05-12\"", EventJson.SerializeToString(document), StringComparison.Ordinal);
        Assert.Equal(document, EventJson.Deserialize<NewsDocument>(EventJson.Serialize(document)));
        Assert.DoesNotContain("watermark", EventJson.SerializeToString(document with { Watermark = null }), StringComparison.Ordinal);
    }
}
