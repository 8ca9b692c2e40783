using System.Globalization;
using StreamRisk.Api.Http;
using StreamRisk.Api.Responses;
using StreamRisk.Core.Storage.Queries;

namespace StreamRisk.Api.Paging;

/// <summary>
/// The <c>limit</c> and <c>cursor</c> parameters every list shares, and the page they answer with. A cursor is bound to
/// its operation and filters (the scope), so it cannot be replayed against other filters.
/// </summary>
internal sealed class Paging(QueryApiOptions options, PageCursor cursors)
{
    public int Limit(string? text)
    {
        if (text is null)
        {
            return options.DefaultLimit;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit >= 1 && limit <= options.MaxLimit
            ? limit
            : throw new BadParameterException("limit", $"'{QueryParameters.Shorten(text)}' is not a page size", $"a whole number from 1 to {options.MaxLimit}");
    }

    /// <summary>The position a cursor holds (default when there is no cursor: the first page).</summary>
    /// <param name="parse">Reads the position's parts; throws <see cref="FormatException"/> or returns default when they do not fit.</param>
    public T? After<T>(string scope, string? cursor, Func<IReadOnlyList<string>, T?> parse)
    {
        if (cursor is null)
        {
            return default;
        }
        try
        {
            if (cursors.Decode(scope, cursor) is { } parts && parse(parts) is { } position)
            {
                return position;
            }
        }
        catch (FormatException)
        {
            // Signed by us yet unreadable: only a cursor of another build. Refused like an altered one.
        }
        throw new BadParameterException("cursor", "is not a cursor this operation gave out for these filters (altered, cut short, or made for other filters)",
            "the next_cursor of the previous page, sent with the same filters");
    }

    public PageOf<TView> Page<TRow, TView>(Page<TRow> page, string scope, Func<TRow, IReadOnlyList<string>> key, Func<TRow, TView> view) =>
        new(page.Items.Select(view).ToArray(), page.HasMore && page.Items.Count > 0 ? cursors.Encode(scope, key(page.Items[^1])) : null);

    /// <summary>The scope of a cursor: the operation and its filter values in a fixed order.</summary>
    public static string Scope(string operation, params string?[] filters) =>
        operation + "|" + string.Join("|", filters.Select(f => f is null ? "-" : "=" + f));

    public static string Day(DateOnly day) => day.ToString(QueryParameters.DayFormat, CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, QueryParameters.DayFormat, CultureInfo.InvariantCulture);
}
