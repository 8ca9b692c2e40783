namespace StreamRisk.Core.Indexing;

/// <summary>
/// The few documents of a day with the largest |score| (ties: smaller doc id first, ordinal). The order is total,
/// so the result does not depend on the order texts arrived in; a document seen twice keeps its larger |score|.
/// </summary>
public sealed class TopDocuments
{
    private readonly string[] _docIds;
    private readonly double[] _magnitudes;

    public TopDocuments(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _docIds = new string[capacity];
        _magnitudes = new double[capacity];
    }

    /// <summary>How many documents are held (at most the capacity).</summary>
    public int Count { get; private set; }

    /// <summary>Offers a document with its score.</summary>
    public void Offer(string docId, double score)
    {
        var magnitude = Math.Abs(score);
        for (var i = 0; i < Count; i++)
        {
            if (string.Equals(_docIds[i], docId, StringComparison.Ordinal))
            {
                if (magnitude <= _magnitudes[i])
                {
                    return;
                }

                RemoveAt(i);
                break;
            }
        }

        var position = Count;
        while (position > 0 && Ranks(docId, magnitude, _docIds[position - 1], _magnitudes[position - 1]))
        {
            position--;
        }

        if (position >= _docIds.Length)
        {
            return;
        }

        var last = Math.Min(Count, _docIds.Length - 1);
        for (var i = last; i > position; i--)
        {
            _docIds[i] = _docIds[i - 1];
            _magnitudes[i] = _magnitudes[i - 1];
        }

        _docIds[position] = docId;
        _magnitudes[position] = magnitude;
        Count = Math.Min(Count + 1, _docIds.Length);
    }

    /// <summary>The held doc ids, best first.</summary>
    public string[] ToArray() => _docIds.AsSpan(0, Count).ToArray();

    /// <summary>Whether the held doc ids equal <paramref name="docIds"/> in order.</summary>
    public bool SequenceEqual(IReadOnlyList<string> docIds)
    {
        if (docIds.Count != Count)
        {
            return false;
        }

        for (var i = 0; i < Count; i++)
        {
            if (!string.Equals(docIds[i], _docIds[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Ranks(string docId, double magnitude, string otherId, double otherMagnitude) =>
        magnitude > otherMagnitude || (magnitude == otherMagnitude && string.CompareOrdinal(docId, otherId) < 0);

    private void RemoveAt(int index)
    {
        for (var i = index; i < Count - 1; i++)
        {
            _docIds[i] = _docIds[i + 1];
            _magnitudes[i] = _magnitudes[i + 1];
        }

        Count--;
        _docIds[Count] = null!;
    }
}
