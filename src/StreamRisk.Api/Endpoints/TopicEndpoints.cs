using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamRisk.Api.Http;
using StreamRisk.Api.Responses;
using StreamRisk.Core.Reference;
using static StreamRisk.Api.Endpoints.ReferenceEndpoints;

namespace StreamRisk.Api.Endpoints;

/// <summary>
/// The reference topics with the industries they move. The texts matched to a topic are
/// <c>GET /api/v1/documents?topic=</c>; what it moved, industry by day, is <c>GET /api/v1/industry-sentiment?topic=</c>.
/// </summary>
internal static class TopicEndpoints
{
    public const string TopicsPath = "/api/v1/topics";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/topics", List)
            .WithName("ListTopics").WithSummary("The reference topics by id, each with its definition and the industries it moves (strongest first).")
            .Produces<TopicList>().ProducesProblem(400).Allow("category");

        api.MapGet("/topics/{topicId}", (ReferenceCatalog catalog, [Description("Topic id, e.g. ep_rate_hike.")] string topicId) =>
                catalog.Topic(topicId) is { } topic ? Json(topic) : ApiProblems.NotFound("topic", topicId, TopicsPath))
            .WithName("GetTopic").WithSummary("One topic with the industries it moves.").Produces<TopicView>().ProducesProblem(404).Allow();
    }

    private static IResult List(ReferenceCatalog catalog,
        [Description("Only this category: economic policy, economic data, world economy, …")] string? category)
    {
        var canonical = category is null ? null
            : TopicCategories.Canonical(category) ?? throw new BadParameterException("category", $"'{category}' is not a topic category",
                string.Join(", ", TopicCategories.All));
        return Json(new TopicList([.. catalog.Topics.Where(t => canonical is null || t.Category == canonical)]));
    }
}
