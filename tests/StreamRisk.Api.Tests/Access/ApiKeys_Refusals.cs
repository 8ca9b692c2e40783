using System.Net;
using System.Text.Json;

namespace StreamRisk.Api.Tests.Access;

/// <summary>Every /api/v1 operation is refused without a live key, and with a key that lacks the operation's scope.</summary>
[Collection(SampleApiCollection.Name)]
public sealed class ApiKeys_Refusals(SampleApiFixture sample)
{
    /// <summary>One request per operation of the OpenAPI document under /api/v1, path parameters filled with a plausible value.</summary>
    private async Task<List<(HttpMethod Method, string Path)>> OperationsAsync()
    {
        var document = await sample.GetJsonAsync("/openapi/v1.json");
        var issuer = await sample.AlertedIssuerAsync();
        var operations = new List<(HttpMethod, string)>();
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/v1/", StringComparison.Ordinal)))
        {
            var concrete = path.Name.Replace("{issuerId}", issuer, StringComparison.Ordinal).Replace("{industryId}", "banks", StringComparison.Ordinal)
                .Replace("{docId}", "x", StringComparison.Ordinal).Replace("{id}", "1", StringComparison.Ordinal);
            foreach (var method in path.Value.EnumerateObject())
            {
                operations.Add((new HttpMethod(method.Name.ToUpperInvariant()), concrete));
            }
        }
        Assert.True(operations.Count >= 18, $"only {operations.Count} operations found");
        return operations;
    }

    public static TheoryData<string?> BadTokens => new()
    {
        null,
        "",
        "srk_0123456789ab_not-the-secret",
        "srk_not-a-token",
        "Basic dXNlcjpwYXNz",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Without_a_live_key_every_operation_is_401_with_a_challenge(string? token)
    {
        using var client = sample.ClientWith(token);
        foreach (var (method, path) in await OperationsAsync())
        {
            using var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = method == HttpMethod.Post ? new StringContent("{}") : null });
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {(int)response.StatusCode}");
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_revoked_key_is_refused_everywhere()
    {
        using var client = sample.ClientWith(sample.RevokedToken);
        foreach (var (method, path) in await OperationsAsync())
        {
            using var response = await client.SendAsync(new HttpRequestMessage(method, path));
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_read_only_key_queries_but_cannot_subscribe()
    {
        using var client = sample.ClientWith(sample.ReadOnlyToken);

        using (var alerts = await client.GetAsync("/api/v1/alerts"))
        {
            Assert.Equal(HttpStatusCode.OK, alerts.StatusCode);
        }
        foreach (var path in new[] { "/api/v1/subscriptions", "/api/v1/feed", "/api/v1/deliveries" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("subscribe", problem.GetProperty("required_scope").GetString());
        }
    }

    [Fact]
    public async Task The_key_may_come_in_X_Api_Key()
    {
        using var client = sample.ClientWith(null);
        client.DefaultRequestHeaders.Add("X-Api-Key", sample.DeskToken);

        using var response = await client.GetAsync("/api/v1/alerts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/ready")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/docs")]
    [InlineData("/metrics")]
    public async Task Operations_outside_the_api_need_no_key(string path)
    {
        using var client = sample.ClientWith(null);
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
