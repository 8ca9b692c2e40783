using System.Net;
using StreamRisk.Core.Storage.Queries;
using StreamRisk.Infrastructure.Storage;

namespace StreamRisk.Api.Tests.Endpoints;

/// <summary>/topics lists the reference topics with the industries each moves; ?topic= narrows the heat map and the texts.</summary>
[Collection(SampleApiCollection.Name)]
public sealed class Topics_IndustriesTheyMove(SampleApiFixture sample)
{
    [Fact]
    public async Task Every_reference_topic_is_listed_with_its_matrix_industries_strongest_first()
    {
        var topics = (await sample.GetJsonAsync("/api/v1/topics")).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(sample.Reference.Topics.Select(t => t.TopicId).Order(StringComparer.Ordinal), topics.Select(t => t.GetProperty("topic_id").GetString()));
        foreach (var topic in topics)
        {
            var id = topic.GetProperty("topic_id").GetString();
            var links = sample.Reference.TopicIndustryMatrix.Where(l => l.TopicId == id).ToList();
            var industries = topic.GetProperty("industries").EnumerateArray().ToList();
            Assert.Equal(links.Count, industries.Count);
            var weights = industries.Select(i => Math.Abs(i.GetProperty("weight").GetDouble())).ToList();
            Assert.Equal(weights.OrderDescending(), weights);
            foreach (var industry in industries)
            {
                var industryId = industry.GetProperty("industry_id").GetString();
                Assert.Equal(links.Single(l => l.IndustryId == industryId).Weight, industry.GetProperty("weight").GetDouble());
                Assert.Equal(sample.Reference.Issuers.Count(i => i.IndustryIds.Contains(industryId)), industry.GetProperty("issuer_count").GetInt32());
            }
        }
    }

    [Fact]
    public async Task A_category_narrows_the_list_and_an_unknown_one_is_refused_with_the_categories()
    {
        var policy = (await sample.GetJsonAsync("/api/v1/topics?category=Economic%20Policy")).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(sample.Reference.Topics.Count(t => t.Category == "economic policy"), policy.Count);
        Assert.All(policy, t => Assert.Equal("economic policy", t.GetProperty("category").GetString()));
        using var bad = await sample.Client.GetAsync("/api/v1/topics?category=weather");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("law and regulation", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var missing = await sample.Client.GetAsync("/api/v1/topics/no_such_topic");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_industry_days_of_a_topic_count_exactly_the_texts_matched_to_it()
    {
        var texts = await sample.Store.GetIndustrySentimentsAsync();
        var topic = texts.SelectMany(t => t.Topics).GroupBy(t => t.TopicId).MaxBy(g => g.Count())!.Key;
        var matched = texts.Where(t => t.Topics.Any(h => h.TopicId == topic) && t.Weight != 0).ToList();

        var (days, _) = await sample.GetAllPagesAsync($"/api/v1/industry-sentiment?topic={topic}", 1000);
        var (documents, _) = await sample.GetAllPagesAsync($"/api/v1/documents?topic={topic}", 1000);

        Assert.Equal(matched.Count, days.Sum(d => d.GetProperty("text_count").GetInt32()));
        Assert.Equal(matched.Select(t => t.IndustryId).Distinct().Order(StringComparer.Ordinal),
            days.Select(d => d.GetProperty("industry_id").GetString()!).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(matched.Select(t => t.DocId).Distinct().Order(StringComparer.Ordinal),
            documents.Select(d => d.GetProperty("doc_id").GetString()!).Order(StringComparer.Ordinal));
        await using var queries = new SqliteRiskQueries(sample.DatabasePath);
        Assert.True((await queries.GetIndustryDaysAsync(new IndustryDayQuery(100_000))).Items.Sum(d => d.TextCount) > matched.Count);
    }
}
