using System.Text.Json;
using Microsoft.AspNetCore.Routing;

namespace StreamRisk.Api.Tests.Endpoints;

/// <summary>The OpenAPI document at /openapi/v1.json describes every operation the API serves, with its parameters.</summary>
[Collection(SampleApiCollection.Name)]
public sealed class OpenApiDocument_ListsEveryEndpoint(SampleApiFixture sample)
{
    private static readonly string[] Expected =
    [
        "/health", "/ready", "/api/v1/industries", "/api/v1/industries/{industryId}", "/api/v1/issuers", "/api/v1/issuers/{issuerId}",
        "/api/v1/issuers/{issuerId}/daily-index", "/api/v1/issuers/{issuerId}/risk-scores", "/api/v1/alerts", "/api/v1/documents",
        "/api/v1/documents/{docId}", "/api/v1/industry-sentiment", "/api/v1/dead-letters", "/metrics", "/api/v1/subscriptions", "/api/v1/subscriptions/{id}", "/api/v1/feed",
        "/api/v1/stream", "/api/v1/deliveries", "/api/v1/deliveries/{id}/redeliver", "/api/v1/alerts/{alertId}",
        "/api/v1/alerts/{alertId}/acknowledgement", "/api/v1/topics", "/api/v1/topics/{topicId}",
    ];

    [Fact]
    public async Task Every_served_operation_is_in_the_document()
    {
        var document = await sample.GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(Expected.Order(StringComparer.Ordinal), paths.Order(StringComparer.Ordinal));
        foreach (var path in paths)
        {
            var operations = document.GetProperty("paths").GetProperty(path).EnumerateObject().ToList();
            Assert.NotEmpty(operations);
            Assert.All(operations, o => Assert.True(o.Value.TryGetProperty("summary", out _), $"{o.Name} {path} has no summary"));
        }
    }

    [Fact]
    public async Task The_alert_filters_are_described_by_their_query_names()
    {
        var document = await sample.GetJsonAsync("/openapi/v1.json");
        var parameters = document.GetProperty("paths").GetProperty("/api/v1/alerts").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();

        Assert.Equal(["issuer", "rule", "min_severity", "status", "from", "to", "limit", "cursor"], parameters);
    }

    [Fact]
    public async Task Lists_are_described_with_items_and_next_cursor()
    {
        var text = (await sample.GetJsonAsync("/openapi/v1.json")).GetRawText();

        Assert.Contains("\"next_cursor\"", text, StringComparison.Ordinal);
        Assert.Contains("\"industry_score\"", text, StringComparison.Ordinal);
        Assert.Contains("\"probabilities\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_api_operation_names_the_team_key_as_its_security_and_the_probes_need_none()
    {
        var document = await sample.GetJsonAsync("/openapi/v1.json");
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("teamApiKey").GetProperty("scheme").GetString());
        Assert.Equal("X-Api-Key", schemes.GetProperty("teamApiKeyHeader").GetProperty("name").GetString());

        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var names = operation.Value.TryGetProperty("security", out var security)
                    ? security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToList()
                    : [];
                Assert.True(path.Name.StartsWith("/api/v1/", StringComparison.Ordinal) == names.Contains("teamApiKey"),
                    $"{operation.Name} {path.Name}: security {string.Join(",", names)}");
            }
        }
    }
}
