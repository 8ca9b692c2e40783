using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using StreamRisk.Api.Http;
using StreamRisk.Api.Responses;
using StreamRisk.Core.Storage.Queries;

namespace StreamRisk.Api.Endpoints;

/// <summary>Issuers and industries, from the reference data the pipeline links texts to.</summary>
internal static class ReferenceEndpoints
{
    public const string IssuersPath = "/api/v1/issuers";
    public const string IndustriesPath = "/api/v1/industries";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/industries", (ReferenceCatalog catalog) => Json(new IndustryList(catalog.Industries)))
            .WithName("ListIndustries").WithSummary("All industries.").Produces<IndustryList>().Allow();

        api.MapGet("/industries/{industryId}", (ReferenceCatalog catalog, [Description("Industry id, e.g. banks.")] string industryId) =>
                catalog.Industry(industryId) is { } industry ? Json(industry) : ApiProblems.NotFound("industry", industryId, IndustriesPath))
            .WithName("GetIndustry").WithSummary("One industry.").Produces<IndustryView>().ProducesProblem(404).Allow();

        api.MapGet("/issuers", ListIssuers)
            .WithName("ListIssuers").WithSummary("Issuers by id, with their industries (main one first).")
            .Produces<PageOf<IssuerView>>().ProducesProblem(400).Allow("industry", "limit", "cursor");

        api.MapGet("/issuers/{issuerId}", (ReferenceCatalog catalog, [Description("Issuer id.")] string issuerId) =>
                catalog.Issuer(issuerId) is { } issuer ? Json(issuer) : ApiProblems.NotFound("issuer", issuerId, IssuersPath))
            .WithName("GetIssuer").WithSummary("One issuer with its industries.").Produces<IssuerView>().ProducesProblem(404).Allow();
    }

    private static IResult ListIssuers(ReferenceCatalog catalog, Paging.Paging paging,
        [Description("Only issuers in this industry (any of theirs, not only the main one).")] string? industry,
        [Description("Page size, 1 to the maximum (default 100).")] string? limit,
        [Description("next_cursor of the previous page.")] string? cursor)
    {
        QueryParameters.Known("industry", industry, catalog.IsIndustry, "industry", IndustriesPath);
        var size = paging.Limit(limit);
        var scope = Paging.Paging.Scope("issuers", industry);
        var after = paging.After(scope, cursor, parts => parts is [var id] ? id : null);
        var rows = catalog.Issuers
            .Where(i => after is null || string.CompareOrdinal(i.IssuerId, after) > 0)
            .Where(i => industry is null || i.Industries.Any(x => x.IndustryId == industry))
            .Take(size + 1)
            .ToArray();
        return Json(paging.Page(Page<IssuerView>.FromRowsPlusOne(rows, size), scope, i => [i.IssuerId], i => i));
    }

    public static IResult Json<T>(T value) => new ETaggedJson<T>(value);
}
