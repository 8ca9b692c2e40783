using System.Net;
using System.Text;
using System.Text.Json;

namespace StreamRisk.Api.Tests.Endpoints;

/// <summary>A team acknowledges an alert; the alert list shows each team its own acknowledgements and no one else's.</summary>
[Collection(SampleApiCollection.Name)]
public sealed class Alerts_Acknowledgement(SampleApiFixture sample)
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<string> SomeAlertIdAsync(int index) => (await sample.Store.GetAlertsAsync())[index].AlertId;

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static JsonElement InList(JsonElement page, string alertId) =>
        page.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("alert_id").GetString() == alertId);

    [Fact]
    public async Task An_acknowledgement_shows_on_the_alert_and_in_the_list_for_its_team_only()
    {
        var id = await SomeAlertIdAsync(0);
        var path = $"/api/v1/alerts/{Uri.EscapeDataString(id)}";

        using var put = await sample.Client.PutAsync(path + "/acknowledgement", Json("""{"note": "  desk is calling the issuer  "}"""));
        var acknowledged = await ReadAsync(put, HttpStatusCode.OK);

        var ack = acknowledged.GetProperty("acknowledgement");
        Assert.Equal("desk is calling the issuer", ack.GetProperty("note").GetString());
        StreamRisk.Core.Access.ApiKeyToken.TryParse(sample.DeskToken, out var deskKey, out _);
        Assert.Equal(deskKey, ack.GetProperty("key_id").GetString());
        Assert.Equal(ack.GetRawText(), (await sample.GetJsonAsync(path)).GetProperty("acknowledgement").GetRawText());
        Assert.Equal(ack.GetRawText(), InList(await sample.GetJsonAsync("/api/v1/alerts?status=any&limit=1000"), id).GetProperty("acknowledgement").GetRawText());

        using var other = sample.ClientWith(sample.OtherTeamToken);
        using (var theirs = await other.GetAsync("/api/v1/alerts?status=any&limit=1000"))
        {
            Assert.Equal(JsonValueKind.Null, InList(await ReadAsync(theirs, HttpStatusCode.OK), id).GetProperty("acknowledgement").ValueKind);
        }
        using (var theirs = await other.GetAsync(path))
        {
            Assert.Equal(JsonValueKind.Null, (await ReadAsync(theirs, HttpStatusCode.OK)).GetProperty("acknowledgement").ValueKind);
        }
        using (var remove = await other.DeleteAsync(path + "/acknowledgement"))
        {
            await ReadAsync(remove, HttpStatusCode.NotFound);
        }

        using (var remove = await sample.Client.DeleteAsync(path + "/acknowledgement"))
        {
            await ReadAsync(remove, HttpStatusCode.NoContent);
        }
        Assert.Equal(JsonValueKind.Null, (await sample.GetJsonAsync(path)).GetProperty("acknowledgement").ValueKind);
    }

    [Fact]
    public async Task Acknowledging_again_keeps_the_first_note_and_time()
    {
        var path = $"/api/v1/alerts/{Uri.EscapeDataString(await SomeAlertIdAsync(1))}/acknowledgement";
        using var first = await sample.Client.PutAsync(path, Json("{}"));
        var once = (await ReadAsync(first, HttpStatusCode.OK)).GetProperty("acknowledgement");

        using var second = await sample.Client.PutAsync(path, Json("""{"note": "later"}"""));
        var twice = (await ReadAsync(second, HttpStatusCode.OK)).GetProperty("acknowledgement");

        Assert.Equal(once.GetRawText(), twice.GetRawText());
        Assert.Equal(JsonValueKind.Null, twice.GetProperty("note").ValueKind);
        using var cleanup = await sample.Client.DeleteAsync(path);
    }

    [Theory]
    [InlineData("""{"comment": "x"}""", "comment: unknown field")]
    [InlineData("""{"note": 3}""", "note: must be a string")]
    [InlineData("""["note"]""", "must be a JSON object")]
    [InlineData("""{"note": """, "not JSON")]
    public async Task A_malformed_body_is_refused_with_the_field_named(string body, string expected)
    {
        using var put = await sample.Client.PutAsync($"/api/v1/alerts/{Uri.EscapeDataString(await SomeAlertIdAsync(0))}/acknowledgement", Json(body));

        var problem = await ReadAsync(put, HttpStatusCode.BadRequest);

        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_note_over_the_limit_is_refused()
    {
        var note = new string('n', StreamRisk.Core.Subscriptions.AlertAcknowledgement.MaxNoteLength + 1);
        using var put = await sample.Client.PutAsync($"/api/v1/alerts/{Uri.EscapeDataString(await SomeAlertIdAsync(0))}/acknowledgement",
            Json($$"""{"note": "{{note}}"}"""));

        Assert.Contains("at most 500", (await ReadAsync(put, HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_alert_is_not_found_and_a_read_only_key_may_not_acknowledge()
    {
        using (var put = await sample.Client.PutAsync("/api/v1/alerts/no-such-alert/acknowledgement", Json("{}")))
        {
            Assert.Contains("no alert 'no-such-alert'", (await ReadAsync(put, HttpStatusCode.NotFound)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        using (var get = await sample.Client.GetAsync("/api/v1/alerts/no-such-alert"))
        {
            await ReadAsync(get, HttpStatusCode.NotFound);
        }
        using var readOnly = sample.ClientWith(sample.ReadOnlyToken);
        using var refused = await readOnly.PutAsync($"/api/v1/alerts/{Uri.EscapeDataString(await SomeAlertIdAsync(0))}/acknowledgement", Json("{}"));
        await ReadAsync(refused, HttpStatusCode.Forbidden);
    }
}
