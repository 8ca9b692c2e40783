using System.Net;
using System.Text.Json;

namespace StreamRisk.Api.Tests.Endpoints;

/// <summary>An id in the path that names nothing is a 404 problem+json saying where the ids are listed.</summary>
[Collection(SampleApiCollection.Name)]
public sealed class QueryApi_UnknownIds(SampleApiFixture sample)
{
    [Theory]
    [InlineData("/api/v1/issuers/no_such_issuer", "/api/v1/issuers")]
    [InlineData("/api/v1/issuers/no_such_issuer/daily-index", "/api/v1/issuers")]
    [InlineData("/api/v1/issuers/no_such_issuer/risk-scores", "/api/v1/issuers")]
    [InlineData("/api/v1/industries/no_such_industry", "/api/v1/industries")]
    [InlineData("/api/v1/documents/no-such-doc", "/api/v1/documents")]
    public async Task Is_a_404_problem(string url, string listedAt)
    {
        using var response = await sample.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains(listedAt, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_problem_too()
    {
        using var response = await sample.Client.GetAsync("/api/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
