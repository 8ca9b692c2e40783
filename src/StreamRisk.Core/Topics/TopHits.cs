namespace StreamRisk.Core.Topics;

/// <summary>
/// The k best hits seen so far, as a min-heap whose root is the worst kept hit. "Better" means higher similarity,
/// then the ordinally smaller id, so results do not depend on insertion order.
/// </summary>
public sealed class TopHits
{
    private readonly VectorHit[] _heap;
    private int _count;

    public TopHits(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _heap = new VectorHit[capacity];
    }

    public int Count => _count;

    /// <summary>True when <paramref name="a"/> ranks before <paramref name="b"/>.</summary>
    public static bool IsBetter(VectorHit a, VectorHit b) =>
        a.Similarity > b.Similarity || (a.Similarity == b.Similarity && string.CompareOrdinal(a.Id, b.Id) < 0);

    public void Offer(VectorHit hit)
    {
        if (_heap.Length == 0)
        {
            return;
        }

        if (_count < _heap.Length)
        {
            _heap[_count] = hit;
            SiftUp(_count++);
        }
        else if (IsBetter(hit, _heap[0]))
        {
            _heap[0] = hit;
            SiftDown(0);
        }
    }

    /// <summary>The kept hits, best first.</summary>
    public VectorHit[] BestFirst()
    {
        var result = _heap.AsSpan(0, _count).ToArray();
        Array.Sort(result, static (a, b) => IsBetter(a, b) ? -1 : IsBetter(b, a) ? 1 : 0);
        return result;
    }

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!IsBetter(_heap[parent], _heap[i]))
            {
                break;
            }

            (_heap[parent], _heap[i]) = (_heap[i], _heap[parent]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var worst = i;
            var left = (2 * i) + 1;
            var right = left + 1;
            if (left < _count && IsBetter(_heap[worst], _heap[left]))
            {
                worst = left;
            }

            if (right < _count && IsBetter(_heap[worst], _heap[right]))
            {
                worst = right;
            }

            if (worst == i)
            {
                return;
            }

            (_heap[i], _heap[worst]) = (_heap[worst], _heap[i]);
            i = worst;
        }
    }
}
