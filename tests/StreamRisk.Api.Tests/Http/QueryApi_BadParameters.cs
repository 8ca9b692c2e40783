using System.Net;
using System.Text.Json;

namespace StreamRisk.Api.Tests.Http;

/// <summary>A parameter the API cannot use is a 400 problem+json that names it and says what is allowed.</summary>
[Collection(SampleApiCollection.Name)]
public sealed class QueryApi_BadParameters(SampleApiFixture sample)
{
    public static TheoryData<string, string> Cases => new()
    {
        { "/api/v1/alerts?limit=0", "limit" },
        { "/api/v1/alerts?limit=1001", "limit" },
        { "/api/v1/alerts?limit=ten", "limit" },
        { "/api/v1/alerts?min_severity=urgent", "min_severity" },
        { "/api/v1/alerts?rule=spike", "rule" },
        { "/api/v1/alerts?status=open", "status" },
        { "/api/v1/alerts?issuer=no_such_issuer", "issuer" },
        { "/api/v1/alerts?from=2024-13-01", "from" },
        { "/api/v1/alerts?from=2024-03-05&to=2024-03-01", "from" },
        { "/api/v1/alerts?isuer=x", "isuer" },
        { "/api/v1/alerts?limit=5&limit=6", "limit" },
        { "/api/v1/alerts?cursor=garbage", "cursor" },
        { "/api/v1/documents?topic=no_such_topic", "topic" },
        { "/api/v1/documents?industry=no_such_industry", "industry" },
        { "/api/v1/documents?to=yesterday", "to" },
        { "/api/v1/issuers?industry=no_such_industry", "industry" },
        { "/api/v1/dead-letters?cursor=e30.AAAA", "cursor" },
        { "/api/v1/industries?limit=5", "limit" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Is_a_400_problem_naming_the_parameter(string url, string parameter)
    {
        using var response = await sample.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.StartsWith(parameter + ":", problem.GetProperty("detail").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("allowed").GetString()));
    }

    [Fact]
    public async Task A_cursor_altered_in_any_character_or_sent_with_other_filters_is_refused()
    {
        var first = await sample.GetJsonAsync("/api/v1/documents?limit=3");
        var cursor = first.GetProperty("next_cursor").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await sample.Client.GetAsync("/api/v1/documents?limit=3&cursor=" + cursor)).StatusCode);

        for (var i = 0; i < cursor.Length; i++)
        {
            var altered = cursor[..i] + (cursor[i] == 'A' ? 'B' : 'A') + cursor[(i + 1)..];
            using var response = await sample.Client.GetAsync("/api/v1/documents?limit=3&cursor=" + Uri.EscapeDataString(altered));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"cursor altered at {i} was accepted: {altered}");
        }

        var issuer = sample.Reference.Issuers[0].IssuerId;
        using var otherFilters = await sample.Client.GetAsync($"/api/v1/documents?limit=3&issuer={issuer}&cursor={cursor}");
        Assert.Equal(HttpStatusCode.BadRequest, otherFilters.StatusCode);
        using var otherList = await sample.Client.GetAsync($"/api/v1/alerts?cursor={cursor}");
        Assert.Equal(HttpStatusCode.BadRequest, otherList.StatusCode);
    }
}
