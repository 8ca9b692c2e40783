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
    public void A_later_document_moves_the_stamp_and_an_older_one_keeps_the_running_maximum()
    {
        var watermark = new DateOnly(2026, 5, 10);
        Assert.Equal(new DateOnly(2026, 5, 12), _admission.Admit(News(new DateTimeOffset(2026, 5, 12, 8, 0, 0, TimeSpan.Zero)), 2, watermark).Document!.Watermark);
        Assert.Equal(watermark, _admission.Admit(News(new DateTimeOffset(2026, 5, 3, 8, 0, 0, TimeSpan.Zero)), 2, watermark).Document!.Watermark);
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
