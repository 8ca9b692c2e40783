using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamRisk.Api.Http;
using StreamRisk.Api.Responses;
using StreamRisk.Core.Storage.Queries;
using static StreamRisk.Api.Endpoints.ReferenceEndpoints;

namespace StreamRisk.Api.Endpoints;

/// <summary>Industry sentiment by day: what the dashboard's industry × day heat map draws.</summary>
internal static class IndustrySentimentEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/industry-sentiment", List)
            .WithName("ListIndustrySentiment")
            .WithSummary("Industry sentiment per industry and UTC day, oldest day first: Σ w·s / Σ |w| over the day's issuer-free texts scored "
                + "for the industry (before the daily index's z-score), with Σ |w| and the number of texts; with topic=, only the texts "
                + "matched to that topic: what the topic moved.")
            .Produces<PageOf<IndustryDayView>>().ProducesProblem(400).Allow("industry", "topic", "from", "to", "limit", "cursor");

    private static async Task<IResult> List(IRiskQueries queries, ReferenceCatalog catalog, Paging.Paging paging,
        [Description("Only this industry.")] string? industry,
        [Description("Only the texts matched to this reference topic.")] string? topic,
        [Description("First day (UTC), yyyy-MM-dd.")] string? from,
        [Description("Last day (UTC), yyyy-MM-dd.")] string? to,
        [Description("Page size (default 100).")] string? limit,
        [Description("next_cursor of the previous page.")] string? cursor,
        CancellationToken cancellationToken)
    {
        QueryParameters.Known("industry", industry, catalog.IsIndustry, "industry", IndustriesPath);
        QueryParameters.Known("topic", topic, catalog.IsTopic, "topic", TopicEndpoints.TopicsPath);
        var (first, last) = QueryParameters.DayRange(from, to);
        var size = paging.Limit(limit);
        var scope = Paging.Paging.Scope("industry-sentiment", industry, topic, from, to);
        var after = paging.After(scope, cursor, parts => parts is [var day, var id] ? new IndustryDayPosition(Paging.Paging.ParseDay(day), id) : null);
        var query = new IndustryDayQuery(size) { IndustryId = industry, TopicId = topic, From = first, To = last, After = after };
        var page = await queries.GetIndustryDaysAsync(query, cancellationToken);
        return Json(paging.Page(page, scope, d => [Paging.Paging.Day(d.Day), d.IndustryId], IndustryDayView.From));
    }
}
