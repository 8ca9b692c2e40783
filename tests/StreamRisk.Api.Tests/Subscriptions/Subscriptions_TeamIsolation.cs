using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using StreamRisk.Core.Subscriptions;

namespace StreamRisk.Api.Tests.Subscriptions;

/// <summary>Teams manage their own subscriptions and never see another team's: its subscriptions, feed or deliveries.</summary>
[Collection(SampleApiCollection.Name)]
public sealed class Subscriptions_TeamIsolation(SampleApiFixture sample)
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<JsonElement> CreateAsync(HttpClient client, string json)
    {
        using var response = await client.PostAsync("/api/v1/subscriptions", Json(json));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        Assert.NotNull(response.Headers.Location);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task A_subscription_is_created_read_and_deleted_by_its_team_only()
    {
        var created = await CreateAsync(sample.Client, """
            {"name": "sanctions watch", "filter": {"topics": ["ir_sanctions"], "min_severity": "warning", "kinds": ["alert", "topic_match"]},
             "webhook_url": "https://hooks.example.com/risk"}
            """);
        var id = created.GetProperty("subscription").GetProperty("subscription_id").GetString()!;
        var secret = created.GetProperty("webhook_secret").GetString()!;
        Assert.Equal(32, Convert.FromBase64String(secret).Length);
        Assert.Equal(["ir_sanctions"], created.GetProperty("subscription").GetProperty("filter").GetProperty("topics").EnumerateArray().Select(t => t.GetString()));

        var read = await sample.GetJsonAsync($"/api/v1/subscriptions/{id}");
        Assert.Equal("sanctions watch", read.GetProperty("name").GetString());
        Assert.DoesNotContain(secret, read.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(id, (await sample.GetJsonAsync("/api/v1/subscriptions")).GetRawText(), StringComparison.Ordinal);

        using var other = sample.ClientWith(sample.OtherTeamToken);
        using (var peek = await other.GetAsync($"/api/v1/subscriptions/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, peek.StatusCode);
        }
        using (var list = await other.GetAsync("/api/v1/subscriptions"))
        {
            Assert.DoesNotContain(id, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var delete = await other.DeleteAsync($"/api/v1/subscriptions/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        }

        using (var delete = await sample.Client.DeleteAsync($"/api/v1/subscriptions/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }
        using var gone = await sample.Client.GetAsync($"/api/v1/subscriptions/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("""{"name": "", "filter": {"issuers": ["nobody"], "min_severity": "loud"}, "webhook_url": "http://example.com/x"}""",
        new[] { "name", "issuers", "min_severity", "webhook_url" })]
    [InlineData("""{"name": "x", "filter": {"kinds": ["weather"]}}""", new[] { "filter" })]
    [InlineData("""{"name": "x", "filter": {"issuer": ["a"]}}""", new[] { "filter" })]
    [InlineData("""{"name": "x", "colour": "red"}""", new[] { "colour" })]
    [InlineData("""[1, 2]""", new[] { "body" })]
    [InlineData("""{"name": """, new[] { "body" })]
    public async Task A_bad_subscription_is_400_naming_every_wrong_field(string json, string[] fields)
    {
        using var response = await sample.Client.PostAsync("/api/v1/subscriptions", Json(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(fields.Order(StringComparer.Ordinal), problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_feed_and_deliveries_of_one_team_are_invisible_to_the_other()
    {
        var created = await CreateAsync(sample.Client, """{"name": "all", "webhook_url": "https://hooks.example.com/desk"}""");
        var id = created.GetProperty("subscription").GetProperty("subscription_id").GetString()!;
        await sample.Access.Subscriptions.AppendToFeedAsync(
            [new FeedItem("desk", id, SubscriptionKind.Alert, "isolation-1", DateTimeOffset.UtcNow, """{"kind":"alert","data":{"n":1}}""")], DateTimeOffset.UtcNow);

        var deskFeed = await sample.GetJsonAsync("/api/v1/feed");
        Assert.Contains("isolation-1", deskFeed.GetRawText(), StringComparison.Ordinal);
        var deliveries = await sample.GetJsonAsync("/api/v1/deliveries?status=pending");
        var deliveryId = deliveries.GetProperty("items").EnumerateArray().Single(d => d.GetProperty("event_id").GetString() == "isolation-1")
            .GetProperty("delivery_id").GetInt64();

        using var other = sample.ClientWith(sample.OtherTeamToken);
        Assert.DoesNotContain("isolation-1", await other.GetStringAsync("/api/v1/feed"), StringComparison.Ordinal);
        Assert.DoesNotContain("isolation-1", await other.GetStringAsync("/api/v1/deliveries"), StringComparison.Ordinal);
        using (var redeliver = await other.PostAsync($"/api/v1/deliveries/{deliveryId}/redeliver", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, redeliver.StatusCode);
        }
        using var own = await sample.Client.PostAsync($"/api/v1/deliveries/{deliveryId}/redeliver", null);
        Assert.Equal(HttpStatusCode.Accepted, own.StatusCode);
    }
}
