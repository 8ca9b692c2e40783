using StreamRisk.Core.Storage.Queries;

namespace StreamRisk.Api.Tests.Endpoints;

/// <summary>The filters narrow each list to exactly the rows the store holds for them.</summary>
[Collection(SampleApiCollection.Name)]
public sealed class QueryApi_Filters(SampleApiFixture sample)
{
    [Fact]
    public async Task Alerts_by_issuer_minimum_severity_and_day()
    {
        var stored = (await sample.Store.GetAlertsAsync()).Where(a => a.Status == "active").ToList();
        var issuer = stored[0].IssuerId;

        Assert.Equal(stored.Where(a => a.IssuerId == issuer).Select(a => a.AlertId).Order(StringComparer.Ordinal),
            (await Ids($"/api/v1/alerts?issuer={issuer}", "alert_id")).Order(StringComparer.Ordinal));
        foreach (var severity in AlertSeverity.Ordered)
        {
            var allowed = AlertSeverity.AtLeast(severity)!;
            Assert.Equal(stored.Count(a => allowed.Contains(a.Severity)), (await Ids($"/api/v1/alerts?min_severity={severity}", "alert_id")).Count);
        }
        var day = stored[0].AsOf.ToString("yyyy-MM-dd");
        Assert.Equal(stored.Where(a => a.AsOf == stored[0].AsOf).Select(a => a.AlertId).Order(StringComparer.Ordinal),
            (await Ids($"/api/v1/alerts?from={day}&to={day}", "alert_id")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Documents_by_issuer_industry_topic_and_day()
    {
        var firm = await sample.Store.GetFirmSentimentsAsync();
        var industry = await sample.Store.GetIndustrySentimentsAsync();
        var issuer = firm.GroupBy(f => f.IssuerId).OrderByDescending(g => g.Count()).First().Key;
        var industryId = industry[0].IndustryId;
        var topic = industry.SelectMany(i => i.Topics).First().TopicId;

        Assert.Equal(Set(firm.Where(f => f.IssuerId == issuer).Select(f => f.DocId)), Set(await Ids($"/api/v1/documents?issuer={issuer}", "doc_id")));
        Assert.Equal(Set(industry.Where(i => i.IndustryId == industryId).Select(i => i.DocId)),
            Set(await Ids($"/api/v1/documents?industry={industryId}", "doc_id")));
        Assert.Equal(Set(industry.Where(i => i.Topics.Any(t => t.TopicId == topic)).Select(i => i.DocId)),
            Set(await Ids($"/api/v1/documents?topic={topic}", "doc_id")));

        var documents = await sample.Store.GetDocumentsAsync();
        var day = DateOnly.FromDateTime(documents[0].PublishedAt.UtcDateTime);
        Assert.Equal(Set(documents.Where(d => DateOnly.FromDateTime(d.PublishedAt.UtcDateTime) == day).Select(d => d.DocId)),
            Set(await Ids($"/api/v1/documents?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}", "doc_id")));
    }

    [Fact]
    public async Task Daily_index_by_day_range_and_dead_letters_by_reason_and_issuers_by_industry()
    {
        var issuerId = await sample.AlertedIssuerAsync();
        var days = await sample.Store.GetDailySentimentAsync(issuerId);
        var (from, to) = (days[1].Day, days[^2].Day);
        Assert.Equal(days.Where(d => d.Day >= from && d.Day <= to).Select(d => d.Day.ToString("yyyy-MM-dd")),
            await Ids($"/api/v1/issuers/{issuerId}/daily-index?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", "day"));

        var letters = await sample.Store.GetDeadLettersAsync();
        var reason = letters[0].ReasonCode;
        Assert.Equal(letters.Where(l => l.ReasonCode == reason).Select(l => l.DeadLetterId), await Ids($"/api/v1/dead-letters?reason={reason}", "dead_letter_id"));

        var industryId = sample.Reference.Issuers[0].IndustryIds[0];
        Assert.Equal(sample.Reference.Issuers.Where(i => i.IndustryIds.Contains(industryId)).Select(i => i.IssuerId).Order(StringComparer.Ordinal),
            await Ids($"/api/v1/issuers?industry={industryId}", "issuer_id"));
    }

    private async Task<List<string?>> Ids(string url, string key) =>
        (await sample.GetAllPagesAsync(url, 1000)).Items.Select(i => i.GetProperty(key).GetString()).ToList();

    private static SortedSet<string> Set(IEnumerable<string?> ids) => new(ids.Select(i => i!), StringComparer.Ordinal);
}
