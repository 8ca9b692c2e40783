using StreamRisk.Core.Storage.Queries;

namespace StreamRisk.Api.Tests.Endpoints;

/// <summary>/industry-sentiment: the sample run's industry days, as the store computes them, paged and filtered.</summary>
[Collection(SampleApiCollection.Name)]
public sealed class QueryApi_IndustrySentiment(SampleApiFixture sample)
{
    [Fact]
    public async Task Every_industry_day_of_the_store_is_served_once_in_day_then_industry_order()
    {
        await using var queries = new StreamRisk.Infrastructure.Storage.SqliteRiskQueries(sample.DatabasePath);
        var stored = (await queries.GetIndustryDaysAsync(new IndustryDayQuery(100_000))).Items;
        Assert.NotEmpty(stored);

        var (items, pages) = await sample.GetAllPagesAsync("/api/v1/industry-sentiment", 7);

        Assert.True(pages > 1);
        Assert.Equal(stored.Select(d => $"{d.Day:yyyy-MM-dd} {d.IndustryId}"),
            items.Select(i => $"{i.GetProperty("day").GetString()} {i.GetProperty("industry_id").GetString()}"));
        Assert.Equal(stored[0].Score, items[0].GetProperty("score").GetDouble());
        Assert.Equal(stored[0].TextCount, items[0].GetProperty("text_count").GetInt32());
        Assert.All(items, i => Assert.InRange(i.GetProperty("weight").GetDouble(), double.Epsilon, double.MaxValue));
    }

    [Fact]
    public async Task One_industry_over_a_day_range()
    {
        await using var queries = new StreamRisk.Infrastructure.Storage.SqliteRiskQueries(sample.DatabasePath);
        var some = (await queries.GetIndustryDaysAsync(new IndustryDayQuery(100_000))).Items.GroupBy(d => d.IndustryId).MaxBy(g => g.Count())!;
        var days = some.Select(d => d.Day).ToList();
        var from = days[0].ToString("yyyy-MM-dd");
        var to = days[^1].ToString("yyyy-MM-dd");

        var (items, _) = await sample.GetAllPagesAsync($"/api/v1/industry-sentiment?industry={some.Key}&from={from}&to={to}", 1000);

        Assert.Equal(days.Count, items.Count);
        Assert.All(items, i => Assert.Equal(some.Key, i.GetProperty("industry_id").GetString()));
    }

    [Fact]
    public async Task An_unknown_industry_is_refused_naming_the_parameter()
    {
        using var response = await sample.Client.GetAsync("/api/v1/industry-sentiment?industry=no-such-industry");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("industry", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
