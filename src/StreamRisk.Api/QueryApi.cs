using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StreamRisk.Api.Access;
using StreamRisk.Api.Endpoints;
using StreamRisk.Api.Http;
using StreamRisk.Api.Paging;
using StreamRisk.Core.Access;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Storage.Queries;

namespace StreamRisk.Api;

/// <summary>
/// The API: REST under <c>/api/v1</c> (every call made by a team with its API key: the queries, its subscriptions, its
/// feed as pages and as a live SSE stream, its webhook delivery log), <c>/health</c>, <c>/ready</c>, <c>/metrics</c>,
/// the OpenAPI document at <c>/openapi/v1.json</c>, its reference page at <c>/docs</c> and the dashboard at <c>/</c>. No CORS policy is added, so
/// browsers refuse cross-origin reads: opening it to a dashboard elsewhere is a deliberate later change.
/// </summary>
public static class QueryApi
{
    /// <param name="configure">Last say over the builder (tests put a TestServer here).</param>
    public static WebApplication Build(QueryApiOptions options, IRiskQueries queries, ReferenceData reference, ApiAccess access,
        Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(access);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestLineSize = options.MaxQueryStringLength + 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer<Docs.ApiKeySecurityScheme>());
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(queries);
        builder.Services.AddSingleton(new ReferenceCatalog(reference));
        builder.Services.AddSingleton(new PageCursor(options.CursorKey ?? PageCursor.DefaultKey));
        builder.Services.AddSingleton<Paging.Paging>();
        builder.Services.AddSingleton(access);
        builder.Services.AddPerKeyRateLimits(options);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(RequestLimits.Enforce(options));
        app.UseRateLimiter();
        OperationsEndpoints.Map(app, access.Metrics);
        app.MapOpenApi("/openapi/{documentName}.json");
        DocsEndpoints.Map(app);
        DashboardEndpoints.Map(app);
        var api = app.MapGroup("/api/v1").RequireApiKeys(new ApiKeyAuthenticator(access.Teams)).AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (BadParameterException error)
            {
                return ApiProblems.BadParameter(error);
            }
        });
        ReferenceEndpoints.Map(api);
        IssuerSeriesEndpoints.Map(api);
        AlertEndpoints.Map(api);
        DocumentEndpoints.Map(api);
        IndustrySentimentEndpoints.Map(api);
        TopicEndpoints.Map(api);
        DeadLetterEndpoints.Map(api);
        SubscriptionEndpoints.Map(api);
        FeedEndpoints.Map(api);
        DeliveryEndpoints.Map(api);
        return app;
    }
}
