using Microsoft.AspNetCore.Http;

namespace StreamRisk.Api.Http;

/// <summary>
/// Refuses what the API never needs before any endpoint runs: request bodies over the limit (413) and over-long query
/// strings (414). Kestrel enforces its own limits too; this also holds behind other servers and in tests, and
/// answers with problem details.
/// </summary>
internal static class RequestLimits
{
    public static Func<HttpContext, RequestDelegate, Task> Enforce(QueryApiOptions options) => async (context, next) =>
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var request = context.Request;
        if (request.ContentLength > options.MaxRequestBodyBytes || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0))
        {
            await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
                detail: $"request bodies over {options.MaxRequestBodyBytes} bytes are refused").ExecuteAsync(context);
            return;
        }
        if (request.QueryString.Value?.Length > options.MaxQueryStringLength)
        {
            await Results.Problem(statusCode: StatusCodes.Status414UriTooLong, title: "Query string too long",
                detail: $"query strings over {options.MaxQueryStringLength} characters are refused").ExecuteAsync(context);
            return;
        }
        await next(context);
    };
}
