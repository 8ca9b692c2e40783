using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using StreamRisk.Core.Storage.Queries;

namespace StreamRisk.Api.Endpoints;

/// <summary>Liveness and readiness, for load balancers and orchestrators.</summary>
internal static class OperationsEndpoints
{
    public static void Map(IEndpointRouteBuilder app, Func<string>? metrics)
    {
        if (metrics is not null)
        {
            // Unauthenticated, like /health: scrapers carry no team key. The API listens on loopback unless told otherwise.
            app.MapGet("/metrics", () => Results.Text(metrics(), "text/plain; version=0.0.4; charset=utf-8"))
                .WithName("Metrics").WithSummary("Prometheus metrics: events by kind, dead letters by reason, stage lag, stage batch and model call times, feed entries, webhook outcomes.")
                .Produces(200, contentType: "text/plain");
        }

        app.MapGet("/health", () => Results.Json(new { status = "ok" }))
            .WithName("Health").WithSummary("The process answers.").Produces(200);

        app.MapGet("/ready", async (IRiskQueries queries, ILoggerFactory logs, CancellationToken cancellationToken) =>
            {
                try
                {
                    await queries.CheckReachableAsync(cancellationToken);
                    return Results.Json(new { status = "ready" });
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The message may name hosts or paths: it goes to the log, the caller learns only that the store is down.
                    logs.CreateLogger("StreamRisk.Api.Ready").LogWarning(e, "store not reachable");
                    return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Store not reachable",
                        detail: $"the store cannot be read ({e.GetType().Name}); see the server log", type: "https://streamrisk.dev/problems/not-ready");
                }
            })
            .WithName("Ready").WithSummary("The store can be read.").Produces(200).ProducesProblem(503);
    }
}
