using Microsoft.Extensions.Time.Testing;
using StreamRisk.Core.Events;
using StreamRisk.Core.Ingest;

namespace StreamRisk.Core.Tests.Ingest;

public class NewsAdmission_Checks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly NewsAdmission _admission = new(new IngestOptions { MaxBodyBytes = 64 }, new FakeTimeProvider(Now));

    private static RawNews News(string body, DateTimeOffset? published = null, string? headline = "Head") =>
        new("d1", "wire", published ?? Now.AddDays(-1), headline, body);

    [Fact]
    public void Accepts_a_valid_text_and_normalises_it()
    {
        var result = _admission.Admit(News("  Cafe\u0301   rose\r\n\r\n\r\nsharply  "), 7);
        Assert.Null(result.Rejection);
        Assert.Equal("Caf\u00e9 rose\n\nsharply", result.Document!.Body);
        Assert.Equal(7, result.Document.IngestSeq);
        Assert.Matches("^[0-9a-f]{64}$", result.Document.ContentHash);
    }

    [Fact]
    public void Refuses_timestamps_before_1900()
    {
        var result = _admission.Admit(News("x", new DateTimeOffset(1899, 12, 31, 0, 0, 0, TimeSpan.Zero)), 1);
        Assert.Equal(Rejection.TimestampTooOld, result.Rejection!.Code);
    }

    [Fact]
    public void Refuses_timestamps_in_the_future_beyond_the_tolerance_but_not_within_it()
    {
        Assert.Equal(Rejection.TimestampInFuture, _admission.Admit(News("x", Now.AddDays(2)), 1).Rejection!.Code);
        Assert.Null(_admission.Admit(News("x", Now.AddHours(2)), 1).Rejection);
    }

    [Fact]
    public void Refuses_bodies_over_the_limit_in_utf8_bytes()
    {
        // 30 CJK characters are 90 UTF-8 bytes: over a 64-byte limit though only 30 chars long.
        var result = _admission.Admit(News(new string('债', 30)), 1);
        Assert.Equal(Rejection.Oversize, result.Rejection!.Code);
    }

    [Fact]
    public void Refuses_bodies_that_are_only_whitespace()
    {
        Assert.Equal(Rejection.EmptyBody, _admission.Admit(News(" \n\t "), 1).Rejection!.Code);
    }

    [Fact]
    public void Texts_that_differ_only_in_whitespace_or_composition_hash_alike()
    {
        var a = _admission.Admit(News("Caf\u00e9 rose"), 1).Document!;
        var b = _admission.Admit(News("Cafe\u0301   rose "), 2).Document!;
        Assert.Equal(a.ContentHash, b.ContentHash);
        Assert.NotEqual(a.ContentHash, _admission.Admit(News("Cafe fell"), 3).Document!.ContentHash);
    }
}
