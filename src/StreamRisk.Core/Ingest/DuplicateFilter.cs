namespace StreamRisk.Core.Ingest;

/// <summary>
/// Remembers the doc ids and content hashes ingest has accepted, so a re-sent or re-published text is counted once.
/// The store is the durable copy; this is the fast path, warmed from it on start.
/// </summary>
public sealed class DuplicateFilter
{
    private readonly HashSet<string> _docIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _hashes = new(StringComparer.Ordinal);

    public int Count => _docIds.Count;

    /// <summary>True (and remembered) when neither the id nor the hash was seen before.</summary>
    public bool TryAdd(string docId, string contentHash)
    {
        if (_docIds.Contains(docId) || _hashes.Contains(contentHash))
        {
            return false;
        }
        _docIds.Add(docId);
        _hashes.Add(contentHash);
        return true;
    }

    public bool Contains(string docId, string contentHash) => _docIds.Contains(docId) || _hashes.Contains(contentHash);
}
