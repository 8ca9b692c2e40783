using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using StreamRisk.Api.Http;
using StreamRisk.Api.Responses;
using StreamRisk.Core.Storage.Queries;
using static StreamRisk.Api.Endpoints.ReferenceEndpoints;

namespace StreamRisk.Api.Endpoints;

/// <summary>Inputs the pipeline refused, by id.</summary>
internal static class DeadLetterEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/dead-letters", List)
            .WithName("ListDeadLetters").WithSummary("Dead letters (dlq.v1) by id, with the reason and the original bytes.")
            .Produces<PageOf<DeadLetterView>>().ProducesProblem(400).Allow("stage", "reason", "limit", "cursor");

    private static async Task<IResult> List(IRiskQueries queries, Paging.Paging paging,
        [Description("Only those refused by this stage (e.g. ingest).")] string? stage,
        [FromQuery(Name = "reason"), Description("Only this reason code (e.g. malformed_json).")] string? reason,
        [Description("Page size (default 100).")] string? limit,
        [Description("next_cursor of the previous page.")] string? cursor,
        CancellationToken cancellationToken)
    {
        var size = paging.Limit(limit);
        var scope = Paging.Paging.Scope("dead-letters", stage, reason);
        var after = paging.After(scope, cursor, parts => parts is [var id] ? id : null);
        var page = await queries.GetDeadLettersAsync(new DeadLetterQuery(size) { Stage = stage, ReasonCode = reason, AfterId = after }, cancellationToken);
        return Json(paging.Page(page, scope, l => [l.DeadLetterId], DeadLetterView.From));
    }
}
