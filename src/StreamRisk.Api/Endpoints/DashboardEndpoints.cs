using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace StreamRisk.Api.Endpoints;

/// <summary>
/// The dashboard: <c>/</c> is its page, <c>/dashboard/NAME</c> its stylesheet and script modules, all embedded in the
/// assembly (no CDN, no front-end build, no files beside the program). The page calls <c>/api/v1</c> with the key the
/// user types in, so it needs nothing from the server beyond these bytes. Only embedded names are served: there is no
/// path from a URL to the file system.
/// </summary>
internal static class DashboardEndpoints
{
    /// <summary>Scripts, styles and fetches from this origin only; no inline script, no inline style, no frames, no forms.</summary>
    public const string Policy = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private const string ResourcePrefix = "StreamRisk.Api.Dashboard.";

    public static void Map(IEndpointRouteBuilder app)
    {
        var assets = Load();
        var page = assets.TryGetValue("index.html", out var index)
            ? index
            : throw new InvalidOperationException("the dashboard's index.html is not embedded in the assembly");
        app.MapGet("/", (HttpContext http) => Serve(http, page)).ExcludeFromDescription();
        app.MapGet("/dashboard/{name}", (HttpContext http, string name) =>
            assets.TryGetValue(name, out var asset) ? Serve(http, asset) : Results.NotFound()).ExcludeFromDescription();
    }

    private sealed record Asset(byte[] Bytes, string ContentType, EntityTagHeaderValue ETag);

    private static IResult Serve(HttpContext http, Asset asset)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        // The key may sit in the address bar's fragment for a moment; no page this one links to should learn the URL.
        headers["Referrer-Policy"] = "no-referrer";
        // Revalidate every time (a new build must show at once), but answer 304 while the bytes are the same.
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag.ToString();
        var ifNoneMatch = http.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(tag => tag.Compare(asset.ETag, useStrongComparison: false)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Bytes(asset.Bytes, asset.ContentType);
    }

    private static Dictionary<string, Asset> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var tag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"");
            assets[name] = new Asset(bytes, ContentType(name), tag);
        }
        return assets;
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".mjs" or ".js" => "text/javascript; charset=utf-8",
        _ => throw new InvalidOperationException($"the dashboard asset {name} has no known content type"),
    };
}
