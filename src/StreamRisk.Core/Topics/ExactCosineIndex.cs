using System.Numerics;
using System.Runtime.InteropServices;

namespace StreamRisk.Core.Topics;

/// <summary>
/// Exact nearest-neighbour search by cosine similarity over a flat array of normalised vectors: one SIMD dot
/// product per stored vector and a k-sized heap. Exact and deterministic (equal similarities rank by id, ordinal),
/// which is what a few hundred topics need; thread-safe (many searches, one upsert at a time).
/// </summary>
public sealed class ExactCosineIndex : IVectorIndex
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, int> _rows = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];
    private readonly List<string> _kinds = [];
    private readonly List<string> _hashes = [];
    private float[] _vectors = [];
    private int _dimension;

    /// <param name="dimension">Vector length; 0 takes it from the first upsert.</param>
    public ExactCosineIndex(int dimension = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dimension);
        _dimension = dimension;
    }

    public int Dimension => _dimension;

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _ids.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Stores a normalised copy of <paramref name="vector"/> under <paramref name="id"/>, replacing any earlier one.</summary>
    public void Upsert(string id, float[] vector) => Upsert(id, vector, IndexedText.TopicKind, "");

    /// <summary><see cref="Upsert(string, float[])"/> with the payload a query filters on.</summary>
    public void Upsert(string id, float[] vector, string kind, string textHash)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(vector);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(textHash);
        _lock.EnterWriteLock();
        try
        {
            if (_dimension == 0)
            {
                _dimension = vector.Length;
            }

            if (vector.Length != _dimension || _dimension == 0)
            {
                throw new ArgumentException($"vector has {vector.Length} dimensions, the index holds {_dimension}", nameof(vector));
            }

            if (!_rows.TryGetValue(id, out var row))
            {
                row = _ids.Count;
                _ids.Add(id);
                _kinds.Add(kind);
                _hashes.Add(textHash);
                _rows[id] = row;
                if ((row + 1) * _dimension > _vectors.Length)
                {
                    Array.Resize(ref _vectors, Math.Max(16, (row + 1) * 2) * _dimension);
                }
            }

            _kinds[row] = kind;
            _hashes[row] = textHash;
            var target = _vectors.AsSpan(row * _dimension, _dimension);
            vector.CopyTo(target);
            var norm = MathF.Sqrt(Dot(target, target));
            if (norm > 0)
            {
                foreach (ref var x in target)
                {
                    x /= norm;
                }
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public IReadOnlyList<VectorHit> Search(float[] query, int topK) => Search(query, topK, null, null);

    /// <summary>The <paramref name="topK"/> best hits with similarity ≥ <paramref name="minSimilarity"/> and kind <paramref name="kind"/> (each when given).</summary>
    public IReadOnlyList<VectorHit> Search(float[] query, int topK, double? minSimilarity, string? kind)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (topK <= 0)
        {
            return [];
        }

        _lock.EnterReadLock();
        try
        {
            if (_ids.Count == 0)
            {
                return [];
            }

            if (query.Length != _dimension)
            {
                throw new ArgumentException($"query has {query.Length} dimensions, the index holds {_dimension}", nameof(query));
            }

            var queryNorm = MathF.Sqrt(Dot(query, query));
            var scale = queryNorm > 0 ? 1 / queryNorm : 0;
            var heap = new TopHits(Math.Min(topK, _ids.Count));
            var filtered = minSimilarity is not null || kind is not null;
            for (var row = 0; row < _ids.Count; row++)
            {
                var similarity = Math.Clamp(Dot(query, _vectors.AsSpan(row * _dimension, _dimension)) * scale, -1.0, 1.0);
                if (filtered && ((similarity < minSimilarity) || (kind is not null && !string.Equals(kind, _kinds[row], StringComparison.Ordinal))))
                {
                    continue;
                }
                heap.Offer(new VectorHit(_ids[row], similarity));
            }

            return heap.BestFirst();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The payload stored with <paramref name="id"/> (kind, text hash), or null.</summary>
    public (string Kind, string TextHash)? PayloadOf(string id)
    {
        _lock.EnterReadLock();
        try
        {
            return _rows.TryGetValue(id, out var row) ? (_kinds[row], _hashes[row]) : null;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public ValueTask UpsertAsync(IReadOnlyList<IndexedVector> vectors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        foreach (var vector in vectors)
        {
            Upsert(vector.Id, vector.Vector, vector.Kind, vector.TextHash);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<VectorHit>> SearchAsync(VectorQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ValueTask.FromResult(Search(query.Vector, query.TopK, query.MinSimilarity, query.Kind));
    }

    public ValueTask<long> CountAsync(string? kind = null, IReadOnlyCollection<string>? textHashes = null, CancellationToken cancellationToken = default)
    {
        var hashes = textHashes?.ToHashSet(StringComparer.Ordinal);
        _lock.EnterReadLock();
        try
        {
            long count = 0;
            for (var row = 0; row < _ids.Count; row++)
            {
                if ((kind is null || string.Equals(kind, _kinds[row], StringComparison.Ordinal)) && (hashes is null || hashes.Contains(_hashes[row])))
                {
                    count++;
                }
            }
            return ValueTask.FromResult(count);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>SIMD dot product; the scalar tail handles lengths that are not a multiple of the vector width.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var width = Vector<float>.Count;
        var i = 0;
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        for (; i < va.Length; i++)
        {
            sum += va[i] * vb[i];
        }

        var total = Vector.Dot(sum, Vector<float>.One);
        for (i *= width; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }
}
