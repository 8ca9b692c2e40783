using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace StreamRisk.Api.Docs;

/// <summary>
/// Says in the OpenAPI document how callers authenticate: a team's API key as a Bearer token (or X-Api-Key), required
/// on every /api/v1 operation, so generated clients and the reference page send it.
/// </summary>
internal sealed class ApiKeySecurityScheme : IOpenApiDocumentTransformer
{
    public const string BearerName = "teamApiKey";
    public const string HeaderName = "teamApiKeyHeader";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "srk_<key id>_<secret>",
            Description = "A team's API key (streamrisk teams keys issue TEAM). Scopes: read (queries), subscribe (subscriptions, feed, "
                + "stream, deliveries, acknowledgements), admin.",
        };
        document.Components.SecuritySchemes[HeaderName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description = "The same key in a header of its own, for clients that cannot set Authorization.",
        };
        foreach (var (path, item) in document.Paths ?? [])
        {
            if (!path.StartsWith("/api/v1/", StringComparison.Ordinal) || item.Operations is null)
            {
                continue;
            }
            foreach (var operation in item.Operations.Values)
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerName, document)] = [] });
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeaderName, document)] = [] });
            }
        }
        return Task.CompletedTask;
    }
}
