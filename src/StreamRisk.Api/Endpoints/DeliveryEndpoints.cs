using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamRisk.Api.Access;
using StreamRisk.Api.Http;
using StreamRisk.Api.Responses;
using StreamRisk.Core.Access;
using StreamRisk.Core.Subscriptions;

namespace StreamRisk.Api.Endpoints;

/// <summary>The calling team's webhook delivery log, and redelivery of a delivery on request.</summary>
internal static class DeliveryEndpoints
{

    public static void Map(RouteGroupBuilder api)
    {
        var subscribe = new RequiredScope(ApiScopes.Subscribe);
        api.MapGet("/deliveries", List).WithMetadata(subscribe)
            .WithName("ListDeliveries").WithSummary("The calling team's webhook deliveries in id order: status, attempts, last answer or error.")
            .Produces<SeqPageOf<DeliveryView>>().ProducesProblem(400).Allow("status", "after", "limit");
        api.MapPost("/deliveries/{id}/redeliver", Redeliver).WithMetadata(subscribe)
            .WithName("RedeliverDelivery").WithSummary("Send a dead (or delivered) delivery again, now, with its attempts counted from zero.")
            .Produces(202).ProducesProblem(404).Allow();
    }

    private static async Task<IResult> List(HttpContext http, ApiAccess access, Paging.Paging paging,
        [Description("pending, delivered or dead.")] string? status,
        [Description("Deliveries after this id (default 0).")] string? after,
        [Description("Page size (default 100).")] string? limit,
        CancellationToken cancellationToken)
    {
        QueryParameters.OneOf("status", status, DeliveryStatusNames.All);
        var from = after is null ? 0
            : long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a
            : throw new BadParameterException("after", $"'{QueryParameters.Shorten(after)}' is not a delivery id", "a whole number");
        var size = paging.Limit(limit);
        DeliveryStatus? wanted = status is null ? null : DeliveryStatusNames.Parse(status);
        var rows = await access.Subscriptions.GetDeliveriesAsync(http.Caller().TeamId, wanted, from, size + 1, cancellationToken);
        var items = rows.Take(size).Select(DeliveryView.From).ToList();
        return Results.Json(new SeqPageOf<DeliveryView>(items, rows.Count > size ? items[^1].DeliveryId : null));
    }

    private static async Task<IResult> Redeliver(string id, HttpContext http, ApiAccess access, CancellationToken cancellationToken) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var deliveryId)
        && await access.Subscriptions.RedeliverAsync(http.Caller().TeamId, deliveryId, access.Time.GetUtcNow(), cancellationToken)
            ? Results.Accepted()
            : ApiProblems.NotFound("delivery", id, "/api/v1/deliveries");
}
