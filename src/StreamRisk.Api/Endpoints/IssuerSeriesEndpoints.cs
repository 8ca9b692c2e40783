using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamRisk.Api.Http;
using StreamRisk.Api.Responses;
using StreamRisk.Core.Storage.Queries;
using static StreamRisk.Api.Endpoints.ReferenceEndpoints;

namespace StreamRisk.Api.Endpoints;

/// <summary>An issuer's series over time: the daily index and the risk scores, oldest day first.</summary>
internal static class IssuerSeriesEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/issuers/{issuerId}/daily-index", DailyIndex)
            .WithName("GetDailyIndex").WithSummary("An issuer's daily sentiment index with its firm and industry parts (latest revision of each day).")
            .Produces<PageOf<DailyIndexPoint>>().ProducesProblem(400).ProducesProblem(404).Allow("from", "to", "limit", "cursor");

        api.MapGet("/issuers/{issuerId}/risk-scores", RiskScores)
            .WithName("GetRiskScores").WithSummary("An issuer's risk scores: spread forecast and class probabilities (latest revision of each day).")
            .Produces<PageOf<RiskScoreView>>().ProducesProblem(400).ProducesProblem(404).Allow("from", "to", "limit", "cursor");
    }

    private static Task<IResult> DailyIndex(IRiskQueries queries, ReferenceCatalog catalog, Paging.Paging paging,
        [Description("Issuer id.")] string issuerId,
        [Description("First day, yyyy-MM-dd (inclusive).")] string? from,
        [Description("Last day, yyyy-MM-dd (inclusive).")] string? to,
        [Description("Page size (default 100).")] string? limit,
        [Description("next_cursor of the previous page.")] string? cursor,
        CancellationToken cancellationToken) =>
        SeriesAsync(catalog, paging, "daily-index", issuerId, from, to, limit, cursor,
            query => queries.GetDailyIndexAsync(query, cancellationToken), d => d.Day, DailyIndexPoint.From);

    private static Task<IResult> RiskScores(IRiskQueries queries, ReferenceCatalog catalog, Paging.Paging paging,
        [Description("Issuer id.")] string issuerId,
        [Description("First day, yyyy-MM-dd (inclusive).")] string? from,
        [Description("Last day, yyyy-MM-dd (inclusive).")] string? to,
        [Description("Page size (default 100).")] string? limit,
        [Description("next_cursor of the previous page.")] string? cursor,
        CancellationToken cancellationToken) =>
        SeriesAsync(catalog, paging, "risk-scores", issuerId, from, to, limit, cursor,
            query => queries.GetRiskScoresAsync(query, cancellationToken), s => s.AsOf, RiskScoreView.From);

    /// <summary>One page of an issuer's series by day; the handlers above only name the parameters for the OpenAPI document.</summary>
    private static async Task<IResult> SeriesAsync<TRow, TView>(ReferenceCatalog catalog, Paging.Paging paging, string operation, string issuerId,
        string? from, string? to, string? limit, string? cursor, Func<DayRangeQuery, Task<Page<TRow>>> read, Func<TRow, DateOnly> day,
        Func<TRow, TView> view)
    {
        if (!catalog.IsIssuer(issuerId))
        {
            return ApiProblems.NotFound("issuer", issuerId, IssuersPath);
        }
        var (first, last) = QueryParameters.DayRange(from, to);
        var size = paging.Limit(limit);
        var scope = Paging.Paging.Scope(operation, issuerId, from, to);
        var after = paging.After<DateOnly?>(scope, cursor, parts => parts is [var d] ? Paging.Paging.ParseDay(d) : null);
        var page = await read(new DayRangeQuery(issuerId, first, last, size, after));
        return Json(paging.Page(page, scope, row => [Paging.Paging.Day(day(row))], view));
    }
}
