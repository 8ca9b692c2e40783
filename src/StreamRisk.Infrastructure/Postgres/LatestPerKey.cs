namespace StreamRisk.Infrastructure.Postgres;

/// <summary>
/// Reduces a batch to one record per key before a set-based upsert (PostgreSQL refuses to update one row twice in a
/// statement). The result is in key order, so concurrent writers lock rows in the same order and do not deadlock.
/// </summary>
public static class LatestPerKey
{
    /// <summary>The last record of each key wins, as if the records were written one by one.</summary>
    public static IReadOnlyList<T> Last<T, TKey>(IReadOnlyList<T> records, Func<T, TKey> key, IComparer<TKey> order)
        where TKey : notnull
    {
        if (records.Count <= 1)
        {
            return records;
        }
        var latest = new Dictionary<TKey, T>(records.Count);
        foreach (var record in records)
        {
            latest[key(record)] = record;
        }
        return Sorted(latest, order);
    }

    /// <summary>The highest revision of each key wins; among equal revisions, the later record.</summary>
    public static IReadOnlyList<T> HighestRevision<T, TKey>(
        IReadOnlyList<T> records, Func<T, TKey> key, Func<T, int> revision, IComparer<TKey> order)
        where TKey : notnull
    {
        if (records.Count <= 1)
        {
            return records;
        }
        var latest = new Dictionary<TKey, T>(records.Count);
        foreach (var record in records)
        {
            var k = key(record);
            if (!latest.TryGetValue(k, out var kept) || revision(record) >= revision(kept))
            {
                latest[k] = record;
            }
        }
        return Sorted(latest, order);
    }

    private static List<T> Sorted<T, TKey>(Dictionary<TKey, T> latest, IComparer<TKey> order) where TKey : notnull
    {
        var keys = latest.Keys.ToArray();
        Array.Sort(keys, order);
        var result = new List<T>(keys.Length);
        foreach (var k in keys)
        {
            result.Add(latest[k]);
        }
        return result;
    }
}
