using System.Net;
using System.Net.Http.Headers;

namespace StreamRisk.Api.Tests.Http;

/// <summary>Every GET of the API carries an ETag; sending it back gets 304 without a body while the answer is the same.</summary>
[Collection(SampleApiCollection.Name)]
public sealed class ETaggedJson_NotModified(SampleApiFixture sample)
{
    [Theory]
    [InlineData("/api/v1/alerts")]
    [InlineData("/api/v1/documents?limit=3")]
    [InlineData("/api/v1/issuers")]
    [InlineData("/api/v1/industries")]
    [InlineData("/api/v1/dead-letters")]
    public async Task The_same_answer_is_304_and_another_answer_is_200(string url)
    {
        using var first = await sample.Client.GetAsync(url);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.False(tag.IsWeak);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\""));
        again.Headers.IfNoneMatch.Add(tag);
        using var notModified = await sample.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, notModified.Headers.ETag);

        using var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"0123456789abcdef\""));
        using var modified = await sample.Client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await modified.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Different_answers_have_different_tags()
    {
        using var one = await sample.Client.GetAsync("/api/v1/documents?limit=1");
        using var two = await sample.Client.GetAsync("/api/v1/documents?limit=2");

        Assert.NotEqual(one.Headers.ETag, two.Headers.ETag);
    }
}
