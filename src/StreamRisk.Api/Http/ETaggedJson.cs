using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace StreamRisk.Api.Http;

/// <summary>
/// A JSON response with a strong ETag (a hash of its bytes): a client that sends it back in <c>If-None-Match</c> gets
/// <c>304 Not Modified</c> and no body while the answer is unchanged. Hashing the body rather than tracking versions
/// keeps the store schema as it is and is right by construction: equal bytes, equal tag.
/// </summary>
internal sealed class ETaggedJson<T>(T value) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var body = JsonSerializer.SerializeToUtf8Bytes(value, options);
        var tag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16)) + "\"");
        var response = httpContext.Response;
        response.Headers.ETag = tag.ToString();
        // Cached copies must be revalidated: the store changes while the pipeline runs.
        response.Headers.CacheControl = "no-cache";
        if (Matches(httpContext.Request.GetTypedHeaders().IfNoneMatch, tag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }

    /// <summary>If-None-Match uses the weak comparison (RFC 9110 13.1.2): <c>W/</c> is ignored, <c>*</c> matches.</summary>
    private static bool Matches(IList<EntityTagHeaderValue> ifNoneMatch, EntityTagHeaderValue tag) =>
        ifNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(tag, useStrongComparison: false));
}
