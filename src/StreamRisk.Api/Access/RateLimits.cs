using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using StreamRisk.Core.Access;

namespace StreamRisk.Api.Access;

/// <summary>
/// A token bucket per API key (per client address for calls without one), so one team's runaway script cannot starve
/// the others. Over the limit: 429 with Retry-After. Live streams count once, when they connect.
/// </summary>
internal static class RateLimits
{
    public static IServiceCollection AddPerKeyRateLimits(this IServiceCollection services, QueryApiOptions options) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetTokenBucketLimiter(PartitionOf(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.RequestsPerMinute,
                    TokensPerPeriod = Math.Max(1, options.RequestsPerMinute / 6),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(10),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = "10";
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                    detail: $"at most {options.RequestsPerMinute} requests a minute per API key; retry after 10 s",
                    type: "https://streamrisk.dev/problems/rate-limited").ExecuteAsync(context.HttpContext);
            };
        });

    /// <summary>The key id (public part of the token) when one is presented; the client address otherwise.</summary>
    private static string PartitionOf(HttpContext context) =>
        ApiKeyToken.TryParse(ApiKeyFilter.PresentedToken(context.Request), out var keyId, out _)
            ? "key:" + keyId
            : "addr:" + context.Connection.RemoteIpAddress;
}
