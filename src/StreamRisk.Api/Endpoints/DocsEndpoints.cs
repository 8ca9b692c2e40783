using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace StreamRisk.Api.Endpoints;

/// <summary>
/// <c>/docs</c>: a reference page that lists the operations of the OpenAPI document, drawn in the browser by a small
/// script served from here. Nothing comes from elsewhere, so it works offline and under a strict CSP.
/// </summary>
internal static class DocsEndpoints
{
    private const string Policy = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

    public static void Map(IEndpointRouteBuilder app)
    {
        var html = Read("docs.html");
        var script = Read("docs.js");
        app.MapGet("/docs", (HttpContext http) => Page(http, html, "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/docs/docs.js", (HttpContext http) => Page(http, script, "text/javascript; charset=utf-8")).ExcludeFromDescription();
    }

    private static IResult Page(HttpContext http, string content, string type)
    {
        http.Response.Headers.ContentSecurityPolicy = Policy;
        return Results.Text(content, type);
    }

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("StreamRisk.Api.Docs." + name)
            ?? throw new InvalidOperationException($"the reference page's {name} is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
