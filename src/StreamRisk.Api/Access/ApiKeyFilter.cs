using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamRisk.Core.Access;

namespace StreamRisk.Api.Access;

/// <summary>The scope an operation needs; operations without one need <see cref="ApiScopes.Read"/>.</summary>
public sealed record RequiredScope(ApiScopes Scope);

/// <summary>
/// Authenticates every <c>/api/v1</c> call by its API key — <c>Authorization: Bearer srk_…</c> or <c>X-Api-Key: srk_…</c> —
/// and checks the operation's scope. The caller is then available to the handler (<see cref="Caller"/>), which scopes
/// everything team-owned to the caller's team. Refusals say what to send, never which part of a key was wrong.
/// </summary>
internal static class ApiKeyFilter
{
    public const string KeyHeader = "X-Api-Key";

    public static RouteGroupBuilder RequireApiKeys(this RouteGroupBuilder group, ApiKeyAuthenticator authenticator) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var caller = await authenticator.AuthenticateAsync(PresentedToken(http.Request), http.RequestAborted);
            if (caller is null)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer realm=\"streamrisk\"";
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API key required",
                    detail: "send a live API key as 'Authorization: Bearer srk_…' or 'X-Api-Key: srk_…'; `streamrisk teams keys issue TEAM` issues one",
                    type: "https://streamrisk.dev/problems/unauthenticated");
            }
            var needed = http.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>()?.Scope ?? ApiScopes.Read;
            if (!caller.Has(needed))
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Scope missing",
                    detail: $"this operation needs the '{ApiScopeNames.Format(needed)}' scope; the key has '{ApiScopeNames.Format(caller.Scopes)}'",
                    type: "https://streamrisk.dev/problems/forbidden",
                    extensions: new Dictionary<string, object?> { ["required_scope"] = ApiScopeNames.Format(needed) });
            }
            http.Items[typeof(ApiCaller)] = caller;
            return await next(context);
        });

    /// <summary>The authenticated caller of this request (only inside <c>/api/v1</c>).</summary>
    public static ApiCaller Caller(this HttpContext context) =>
        context.Items[typeof(ApiCaller)] as ApiCaller ?? throw new InvalidOperationException("no authenticated caller on this request");

    /// <summary>The token from the Authorization header (Bearer) or X-Api-Key; null when neither is there.</summary>
    public static string? PresentedToken(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }
        var key = request.Headers[KeyHeader].ToString();
        return key.Length > 0 ? key.Trim() : null;
    }
}
