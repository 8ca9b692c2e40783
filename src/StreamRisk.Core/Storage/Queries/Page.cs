namespace StreamRisk.Core.Storage.Queries;

/// <summary>One page of a keyset-paged read.</summary>
/// <param name="HasMore">Rows follow the last one: ask again from its key.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, bool HasMore)
{
    /// <summary>The page of <paramref name="rows"/>, read with a limit one above <paramref name="limit"/> so the extra
    /// row tells whether another page follows without a count.</summary>
    public static Page<T> FromRowsPlusOne(IReadOnlyList<T> rows, int limit) =>
        rows.Count > limit ? new Page<T>(rows.Take(limit).ToArray(), true) : new Page<T>(rows, false);
}
