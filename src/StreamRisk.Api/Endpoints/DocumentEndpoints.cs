using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamRisk.Api.Http;
using StreamRisk.Api.Responses;
using StreamRisk.Core.Storage.Queries;
using static StreamRisk.Api.Endpoints.ReferenceEndpoints;

namespace StreamRisk.Api.Endpoints;

/// <summary>The texts the pipeline took in, newest first, and each with what was scored on it.</summary>
internal static class DocumentEndpoints
{
    public const string DocumentsPath = "/api/v1/documents";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/documents", List)
            .WithName("ListDocuments").WithSummary("Documents, newest publication first; by the issuer, industry or topic they were scored for, and by UTC day.")
            .Produces<PageOf<DocumentView>>().ProducesProblem(400).Allow("issuer", "industry", "topic", "from", "to", "limit", "cursor");

        api.MapGet("/documents/{docId}", Get)
            .WithName("GetDocument").WithSummary("One document with its firm-level and industry-level sentiment.")
            .Produces<DocumentDetail>().ProducesProblem(404).Allow();
    }

    private static async Task<IResult> List(IRiskQueries queries, ReferenceCatalog catalog, Paging.Paging paging,
        [Description("Texts scored for this issuer (firm level).")] string? issuer,
        [Description("Issuer-free texts scored for this industry (industry level).")] string? industry,
        [Description("Issuer-free texts matched to this reference topic.")] string? topic,
        [Description("First publication day (UTC), yyyy-MM-dd.")] string? from,
        [Description("Last publication day (UTC), yyyy-MM-dd.")] string? to,
        [Description("Page size (default 100).")] string? limit,
        [Description("next_cursor of the previous page.")] string? cursor,
        CancellationToken cancellationToken)
    {
        QueryParameters.Known("issuer", issuer, catalog.IsIssuer, "issuer", IssuersPath);
        QueryParameters.Known("industry", industry, catalog.IsIndustry, "industry", IndustriesPath);
        QueryParameters.Known("topic", topic, catalog.IsTopic, "topic", TopicEndpoints.TopicsPath);
        var (first, last) = QueryParameters.DayRange(from, to);
        var size = paging.Limit(limit);
        var scope = Paging.Paging.Scope("documents", issuer, industry, topic, from, to);
        var after = paging.After(scope, cursor, parts => parts is [var ticks, var id]
            ? new DocumentPosition(new DateTimeOffset(long.Parse(ticks, NumberStyles.None, CultureInfo.InvariantCulture), TimeSpan.Zero), id)
            : null);
        var query = new DocumentQuery(size) { IssuerId = issuer, IndustryId = industry, TopicId = topic, From = first, To = last, After = after };
        var page = await queries.GetDocumentsAsync(query, cancellationToken);
        // Ticks, not text: the position must be the exact instant read, whatever precision the store keeps.
        return Json(paging.Page(page, scope,
            d => [d.PublishedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), d.DocId], DocumentView.From));
    }

    private static async Task<IResult> Get(IRiskQueries queries, [Description("Document id.")] string docId, CancellationToken cancellationToken) =>
        await queries.GetDocumentAsync(docId, cancellationToken) is { } found
            ? Json(DocumentDetail.From(found))
            : ApiProblems.NotFound("document", docId, DocumentsPath);
}
