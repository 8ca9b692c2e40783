using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using StreamRisk.Api.Http;
using StreamRisk.Api.Responses;
using StreamRisk.Core.Alerts;
using StreamRisk.Core.Events;
using StreamRisk.Core.Storage.Queries;
using static StreamRisk.Api.Endpoints.ReferenceEndpoints;

namespace StreamRisk.Api.Endpoints;

/// <summary>The alert history, newest first.</summary>
internal static class AlertEndpoints
{
    private static readonly string[] Rules = [AlertRules.ThresholdCrossing, AlertRules.Jump, AlertRules.ClassChange];
    private static readonly string[] Statuses = [RiskAlert.Active, RiskAlert.Retracted, "any"];

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/alerts", List)
            .WithName("ListAlerts").WithSummary("Alerts, newest day first (then alert id, descending); the latest revision of each.")
            .Produces<PageOf<AlertView>>().ProducesProblem(400).Allow("issuer", "rule", "min_severity", "status", "from", "to", "limit", "cursor");

    private static async Task<IResult> List(IRiskQueries queries, ReferenceCatalog catalog, Paging.Paging paging,
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
        return Json(paging.Page(page, scope, a => [Paging.Paging.Day(a.AsOf), a.AlertId], AlertView.From));
    }
}
