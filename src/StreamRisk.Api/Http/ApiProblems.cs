using Microsoft.AspNetCore.Http;

namespace StreamRisk.Api.Http;

/// <summary>The API's errors as RFC 9457 problem details (<c>application/problem+json</c>).</summary>
internal static class ApiProblems
{
    public static IResult BadParameter(BadParameterException error) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Bad request parameter",
        detail: $"{error.Parameter}: {error.Message}",
        type: "https://streamrisk.dev/problems/bad-parameter",
        extensions: new Dictionary<string, object?> { ["parameter"] = error.Parameter, ["allowed"] = error.Allowed });

    /// <param name="kind">What was looked for, in the API's words (issuer, industry, document).</param>
    /// <param name="listedAt">The path that lists the ids there are.</param>
    public static IResult NotFound(string kind, string id, string listedAt) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: $"Unknown {kind}",
        detail: $"no {kind} '{id}'; GET {listedAt} lists them",
        type: "https://streamrisk.dev/problems/not-found",
        extensions: new Dictionary<string, object?> { ["id"] = id });
}
