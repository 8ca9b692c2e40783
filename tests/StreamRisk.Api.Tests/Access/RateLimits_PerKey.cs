using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using StreamRisk.Infrastructure.Storage;

namespace StreamRisk.Api.Tests.Access;

/// <summary>Each key has its own budget of requests a minute: one team over it gets 429, another is not slowed.</summary>
[Collection(SampleApiCollection.Name)]
public sealed class RateLimits_PerKey(SampleApiFixture sample)
{
    [Fact]
    public async Task Past_its_budget_a_key_gets_429_with_Retry_After_and_other_keys_go_on()
    {
        await using var app = QueryApi.Build(new QueryApiOptions { RequestsPerMinute = 6 }, new SqliteRiskQueries(sample.DatabasePath), sample.Reference,
            sample.Access, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        using var desk = app.GetTestClient();
        desk.DefaultRequestHeaders.Authorization = new("Bearer", sample.DeskToken);
        using var other = app.GetTestClient();
        other.DefaultRequestHeaders.Authorization = new("Bearer", sample.OtherTeamToken);

        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var response = await desk.GetAsync("/api/v1/industries");
            codes.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("10", response.Headers.GetValues("Retry-After").Single());
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 6).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2)), codes);
        using var unaffected = await other.GetAsync("/api/v1/industries");
        Assert.Equal(HttpStatusCode.OK, unaffected.StatusCode);
    }
}
