using System.ComponentModel;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using StreamRisk.Api.Access;
using StreamRisk.Api.Http;
using StreamRisk.Api.Responses;
using StreamRisk.Core.Access;
using StreamRisk.Core.Alerts;
using StreamRisk.Core.Events;
using StreamRisk.Core.Storage.Queries;
using StreamRisk.Core.Subscriptions;
using static StreamRisk.Api.Endpoints.ReferenceEndpoints;

namespace StreamRisk.Api.Endpoints;

/// <summary>The alert history, newest first, each with the calling team's acknowledgement; a team acknowledges alerts.</summary>
internal static class AlertEndpoints
{
    private const string ListPath = "/api/v1/alerts";
    private static readonly string[] Rules = [AlertRules.ThresholdCrossing, AlertRules.Jump, AlertRules.ClassChange];
    private static readonly string[] Statuses = [RiskAlert.Active, RiskAlert.Retracted, "any"];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/alerts", List)
            .WithName("ListAlerts").WithSummary("Alerts, newest day first (then alert id, descending); the latest revision of each, with the "
                + "calling team's acknowledgement.")
            .Produces<PageOf<AlertView>>().ProducesProblem(400).Allow("issuer", "rule", "min_severity", "status", "from", "to", "limit", "cursor");

        api.MapGet("/alerts/{alertId}", Get)
            .WithName("GetAlert").WithSummary("One alert (its latest revision, active or retracted) with the calling team's acknowledgement.")
            .Produces<AlertView>().ProducesProblem(404).Allow();

        var subscribe = new RequiredScope(ApiScopes.Subscribe);
        api.MapPut("/alerts/{alertId}/acknowledgement", Acknowledge).WithMetadata(subscribe)
            .WithName("AcknowledgeAlert")
            .WithSummary("Acknowledge an alert for the calling team, with an optional note ({\"note\": \"…\"}, at most "
                + $"{AlertAcknowledgement.MaxNoteLength} characters). Acknowledging again keeps the first acknowledgement.")
            .Produces<AlertView>().ProducesProblem(400).ProducesProblem(404).Allow();

        api.MapDelete("/alerts/{alertId}/acknowledgement", Unacknowledge).WithMetadata(subscribe)
            .WithName("RemoveAlertAcknowledgement").WithSummary("Withdraw the calling team's acknowledgement of an alert.")
            .Produces(204).ProducesProblem(404).Allow();
    }

    private static async Task<IResult> Get(IRiskQueries queries, ApiAccess access, HttpContext http,
        [Description("Alert id, e.g. iss001:jump:2024-03-01.")] string alertId, CancellationToken cancellationToken)
    {
        if (await FindAsync(queries, alertId, cancellationToken) is not { } alert)
        {
            return ApiProblems.NotFound("alert", alertId, ListPath);
        }
        var acknowledgements = await access.Subscriptions.GetAcknowledgementsAsync(http.Caller().TeamId, [alertId], cancellationToken);
        return Json(AlertView.From(alert, acknowledgements.SingleOrDefault()));
    }

    private static async Task<IResult> Acknowledge(IRiskQueries queries, ApiAccess access, HttpContext http, string alertId,
        CancellationToken cancellationToken)
    {
        var (note, problem) = await ReadNoteAsync(http.Request, cancellationToken);
        if (problem is not null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid acknowledgement", detail: problem,
                type: "https://streamrisk.dev/problems/invalid-acknowledgement");
        }
        if (await FindAsync(queries, alertId, cancellationToken) is not { } alert)
        {
            return ApiProblems.NotFound("alert", alertId, ListPath);
        }
        var caller = http.Caller();
        var stored = await access.Subscriptions.AcknowledgeAlertAsync(
            new AlertAcknowledgement(caller.TeamId, alertId, access.Time.GetUtcNow(), caller.KeyId, note), cancellationToken);
        return Results.Json(AlertView.From(alert, stored));
    }

    private static async Task<IResult> Unacknowledge(ApiAccess access, HttpContext http, string alertId, CancellationToken cancellationToken) =>
        await access.Subscriptions.RemoveAcknowledgementAsync(http.Caller().TeamId, alertId, cancellationToken)
            ? Results.NoContent()
            : ApiProblems.NotFound("acknowledgement of alert", alertId, ListPath);

    private static async Task<RiskAlert?> FindAsync(IRiskQueries queries, string alertId, CancellationToken cancellationToken) =>
        (await queries.GetAlertsAsync(new AlertQuery(1) { AlertId = alertId }, cancellationToken)).Items.SingleOrDefault();

    /// <summary>The body is optional: empty, or <c>{"note": "…"}</c>.</summary>
    private static async Task<(string? Note, string? Problem)> ReadNoteAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }
        try
        {
            using var document = JsonDocument.Parse(text);
            var body = document.RootElement;
            if (body.ValueKind != JsonValueKind.Object)
            {
                return (null, "body: must be a JSON object: {\"note\": \"…\"}, or empty");
            }
            string? note = null;
            foreach (var property in body.EnumerateObject())
            {
                if (property.Name != "note")
                {
                    return (null, $"{property.Name}: unknown field; the only field is note");
                }
                if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                {
                    return (null, "note: must be a string");
                }
                note = property.Value.GetString();
            }
            return note is { Length: > AlertAcknowledgement.MaxNoteLength }
                ? (null, $"note: {note.Length} characters; at most {AlertAcknowledgement.MaxNoteLength}")
                : (string.IsNullOrWhiteSpace(note) ? null : note.Trim(), null);
        }
        catch (JsonException ex)
        {
            return (null, $"body: not JSON ({ex.Message})");
        }
    }

    private static async Task<IResult> List(IRiskQueries queries, ApiAccess access, HttpContext http, ReferenceCatalog catalog, Paging.Paging paging,
        [Description("Only this issuer's alerts.")] string? issuer,
        [Description("threshold_crossing, jump or class_change.")] string? rule,
        [FromQuery(Name = "min_severity"), Description("info, warning or critical: this severity and above.")] string? minSeverity,
        [Description("active (default), retracted or any.")] string? status,
        [Description("First day, yyyy-MM-dd (inclusive).")] string? from,
        [Description("Last day, yyyy-MM-dd (inclusive).")] string? to,
        [Description("Page size (default 100).")] string? limit,
        [Description("next_cursor of the previous page.")] string? cursor,
        CancellationToken cancellationToken)
    {
        QueryParameters.Known("issuer", issuer, catalog.IsIssuer, "issuer", IssuersPath);
        QueryParameters.OneOf("rule", rule, Rules);
        QueryParameters.OneOf("min_severity", minSeverity, AlertSeverity.Ordered);
        QueryParameters.OneOf("status", status, Statuses);
        var (first, last) = QueryParameters.DayRange(from, to);
        var size = paging.Limit(limit);
        var scope = Paging.Paging.Scope("alerts", issuer, rule, minSeverity, status, from, to);
        var after = paging.After(scope, cursor, parts => parts is [var day, var id] ? new AlertPosition(Paging.Paging.ParseDay(day), id) : null);
        var query = new AlertQuery(size)
        {
            IssuerId = issuer,
            Rule = rule,
            Severities = minSeverity is null ? null : AlertSeverity.AtLeast(minSeverity),
            Status = (status ?? RiskAlert.Active) is var s && s == "any" ? null : s,
            From = first,
            To = last,
            After = after,
        };
        var page = await queries.GetAlertsAsync(query, cancellationToken);
        var acknowledged = (await access.Subscriptions.GetAcknowledgementsAsync(http.Caller().TeamId, [.. page.Items.Select(a => a.AlertId)],
            cancellationToken)).ToDictionary(a => a.AlertId, StringComparer.Ordinal);
        return Json(paging.Page(page, scope, a => [Paging.Paging.Day(a.AsOf), a.AlertId],
            a => AlertView.From(a, acknowledged.GetValueOrDefault(a.AlertId))));
    }
}
