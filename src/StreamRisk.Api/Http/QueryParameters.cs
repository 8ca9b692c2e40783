using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace StreamRisk.Api.Http;

/// <summary>
/// Reads query parameters strictly: a value that does not parse, or a parameter the operation does not know (a typo
/// such as <c>?isuer=</c> would otherwise silently return everything), is a <see cref="BadParameterException"/>.
/// </summary>
internal static class QueryParameters
{
    public const string DayFormat = "yyyy-MM-dd";

    public static DateOnly? Day(string name, string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new BadParameterException(name, $"'{Shorten(text)}' is not a day", "a day as yyyy-MM-dd, e.g. 2024-03-01");

    /// <summary>Both days of a range; <paramref name="from"/> after <paramref name="to"/> is refused.</summary>
    public static (DateOnly? From, DateOnly? To) DayRange(string? from, string? to)
    {
        var range = (Day("from", from), Day("to", to));
        return range is ({ } f, { } t) && f > t
            ? throw new BadParameterException("from", $"{f:yyyy-MM-dd} is after to ({t:yyyy-MM-dd})", "a day on or before to")
            : range;
    }

    /// <summary><paramref name="text"/> when it is one of <paramref name="allowed"/> (exact, case-sensitive).</summary>
    public static string? OneOf(string name, string? text, IReadOnlyList<string> allowed) =>
        text is null || allowed.Contains(text, StringComparer.Ordinal) ? text
        : throw new BadParameterException(name, $"'{Shorten(text)}' is not allowed", "one of " + string.Join(", ", allowed));

    /// <summary><paramref name="id"/> when <paramref name="exists"/> knows it.</summary>
    public static string? Known(string name, string? id, Func<string, bool> exists, string kind, string listedAt) =>
        id is null || exists(id) ? id
        : throw new BadParameterException(name, $"no {kind} '{Shorten(id)}'", $"an id listed by GET {listedAt}");

    /// <summary>Refuses query parameters the operation does not name (added to every operation by <see cref="Allow"/>).</summary>
    public static RouteHandlerBuilder Allow(this RouteHandlerBuilder endpoint, params string[] names) =>
        endpoint.AddEndpointFilter(async (context, next) =>
        {
            foreach (var key in context.HttpContext.Request.Query.Keys)
            {
                if (!names.Contains(key, StringComparer.Ordinal))
                {
                    throw new BadParameterException(key, "is not a parameter of this operation",
                        names.Length == 0 ? "no query parameters" : string.Join(", ", names));
                }
                if (context.HttpContext.Request.Query[key].Count > 1)
                {
                    throw new BadParameterException(key, "is given more than once", "one value");
                }
            }
            return await next(context);
        });

    /// <summary>Long values are cut in messages so an error never echoes a huge input.</summary>
    public static string Shorten(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "…");
}
