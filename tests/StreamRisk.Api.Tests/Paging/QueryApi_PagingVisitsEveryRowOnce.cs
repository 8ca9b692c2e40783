namespace StreamRisk.Api.Tests.Paging;

/// <summary>Walking a list page by page with a small limit gives every row exactly once, in the order of one big page.</summary>
[Collection(SampleApiCollection.Name)]
public sealed class QueryApi_PagingVisitsEveryRowOnce(SampleApiFixture sample)
{
    public static TheoryData<string, string> Lists => new()
    {
        { "/api/v1/issuers", "issuer_id" },
        { "/api/v1/alerts?status=any", "alert_id" },
        { "/api/v1/documents", "doc_id" },
        { "/api/v1/dead-letters", "dead_letter_id" },
        { "/api/v1/issuers/{alerted}/daily-index", "day" },
        { "/api/v1/issuers/{alerted}/risk-scores", "as_of" },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Small_pages_visit_every_row_exactly_once(string url, string key)
    {
        url = url.Replace("{alerted}", await sample.AlertedIssuerAsync(), StringComparison.Ordinal);
        var (whole, onePage) = await sample.GetAllPagesAsync(url, 1000);
        Assert.Equal(1, onePage);
        Assert.True(whole.Count >= 3, $"{url} has too few rows ({whole.Count}) to page");
        var limit = Math.Max(1, whole.Count / 4);

        var (paged, pages) = await sample.GetAllPagesAsync(url, limit);

        var keys = paged.Select(i => i.GetProperty(key).GetString()).ToList();
        Assert.Equal(whole.Select(i => i.GetProperty(key).GetString()), keys);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal((whole.Count + limit - 1) / limit, pages);
    }

    [Fact]
    public async Task Documents_come_newest_first()
    {
        var (items, _) = await sample.GetAllPagesAsync("/api/v1/documents", 1000);
        var published = items.Select(i => i.GetProperty("published_at").GetDateTimeOffset()).ToList();
        Assert.Equal(published.OrderByDescending(p => p), published);
        Assert.Equal((await sample.Store.GetDocumentsAsync()).Count, items.Count);
    }
}
