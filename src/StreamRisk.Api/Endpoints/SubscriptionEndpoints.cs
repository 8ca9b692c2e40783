using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamRisk.Api.Access;
using StreamRisk.Api.Http;
using StreamRisk.Api.Responses;
using StreamRisk.Core.Access;
using StreamRisk.Core.Subscriptions;

namespace StreamRisk.Api.Endpoints;

/// <summary>A team's subscriptions: list, create, read, delete. Each team sees and changes only its own.</summary>
internal static class SubscriptionEndpoints
{
    private const string ListPath = "/api/v1/subscriptions";

    public static void Map(RouteGroupBuilder api)
    {
        var subscribe = new RequiredScope(ApiScopes.Subscribe);
        api.MapGet("/subscriptions", List).WithMetadata(subscribe)
            .WithName("ListSubscriptions").WithSummary("The calling team's subscriptions, oldest first.")
            .Produces<IReadOnlyList<SubscriptionView>>().Allow();
        api.MapPost("/subscriptions", Create).WithMetadata(subscribe)
            .WithName("CreateSubscription")
            .WithSummary("Subscribe to alerts, scores and topic matches by issuer, industry, topic, rule and minimum severity; optionally to a webhook "
                + "(the answer holds its signing secret, shown only this once).")
            .Produces<CreatedSubscriptionView>(201).ProducesProblem(400).Allow();
        api.MapGet("/subscriptions/{id}", Get).WithMetadata(subscribe)
            .WithName("GetSubscription").WithSummary("One of the calling team's subscriptions.")
            .Produces<SubscriptionView>().ProducesProblem(404).Allow();
        api.MapDelete("/subscriptions/{id}", Delete).WithMetadata(subscribe)
            .WithName("DeleteSubscription").WithSummary("Stop a subscription; its pending webhook deliveries are dropped (dead).")
            .Produces(204).ProducesProblem(404).Allow();
    }

    private static async Task<IResult> List(HttpContext http, ApiAccess access, CancellationToken cancellationToken) =>
        Results.Json((await access.Subscriptions.GetSubscriptionsAsync(http.Caller().TeamId, cancellationToken)).Select(SubscriptionView.From).ToList());

    private static async Task<IResult> Get(string id, HttpContext http, ApiAccess access, CancellationToken cancellationToken) =>
        await access.Subscriptions.GetSubscriptionAsync(http.Caller().TeamId, id, cancellationToken) is { } found
            ? Results.Json(SubscriptionView.From(found))
            : ApiProblems.NotFound("subscription", id, ListPath);

    private static async Task<IResult> Delete(string id, HttpContext http, ApiAccess access, CancellationToken cancellationToken) =>
        await access.Subscriptions.DeleteSubscriptionAsync(http.Caller().TeamId, id, access.Time.GetUtcNow(), cancellationToken)
            ? Results.NoContent()
            : ApiProblems.NotFound("subscription", id, ListPath);

    private static async Task<IResult> Create(HttpContext http, ApiAccess access, ReferenceCatalog catalog, CancellationToken cancellationToken)
    {
        var caller = http.Caller();
        JsonElement body;
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: cancellationToken);
            body = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            return Invalid([("body", $"not JSON ({ex.Message})")]);
        }
        if (body.ValueKind != JsonValueKind.Object)
        {
            return Invalid([("body", "must be a JSON object: {\"name\": …, \"filter\": {…}, \"webhook_url\": …}")]);
        }
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name is not ("name" or "filter" or "webhook_url"))
            {
                return Invalid([(property.Name, "unknown field; fields are name, filter, webhook_url")]);
            }
        }
        var name = body.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
        SubscriptionFilter filter;
        try
        {
            filter = body.TryGetProperty("filter", out var f) ? SubscriptionFilterJson.Read(f) : SubscriptionFilter.Everything;
        }
        catch (FormatException ex)
        {
            return Invalid([("filter", ex.Message)]);
        }
        Uri? webhook = null;
        if (body.TryGetProperty("webhook_url", out var w) && w.ValueKind != JsonValueKind.Null
            && (w.ValueKind != JsonValueKind.String || !Uri.TryCreate(w.GetString(), UriKind.Absolute, out webhook)))
        {
            return Invalid([("webhook_url", "must be an absolute URL")]);
        }
        var problems = SubscriptionValidation.Problems(name, filter, webhook, catalog.Reference);
        if (problems.Count > 0)
        {
            return Invalid(problems);
        }
        var secret = webhook is null ? null : RandomNumberGenerator.GetBytes(32);
        var subscription = new Subscription("sub_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), caller.TeamId, name, filter,
            webhook, secret, access.Time.GetUtcNow());
        await access.Subscriptions.AddSubscriptionAsync(subscription, cancellationToken);
        return Results.Created($"{ListPath}/{subscription.SubscriptionId}",
            new CreatedSubscriptionView(SubscriptionView.From(subscription), secret is null ? null : Convert.ToBase64String(secret)));
    }

    private static IResult Invalid(IReadOnlyList<(string Field, string Problem)> problems) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Invalid subscription",
        detail: string.Join("; ", problems.Select(p => $"{p.Field}: {p.Problem}")),
        type: "https://streamrisk.dev/problems/invalid-subscription",
        extensions: new Dictionary<string, object?> { ["errors"] = problems.ToDictionary(p => p.Field, p => p.Problem) });
}
