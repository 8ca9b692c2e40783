namespace StreamRisk.Core.Topics;

/// <summary>Turns text into an L2-normalised vector (built-in hashed TF-IDF, or an ONNX bge-style model).</summary>
public interface ITextEmbedder
{
    string ModelId { get; }
    int Dimension { get; }
    float[] Embed(string text);
}

/// <summary>A nearest-neighbour hit: id and cosine similarity.</summary>
public readonly record struct VectorHit(string Id, double Similarity);

/// <summary>
/// Cosine-similarity search over stored vectors: the embedded <see cref="ExactCosineIndex"/> (default) or a network
/// backend (Qdrant). Asynchronous because a network backend is; the embedded index completes synchronously, so the
/// hot path pays no task allocation. One contract-test suite (VectorIndexContract) runs against every backend.
/// </summary>
public interface IVectorIndex
{
    /// <summary>Vector length every stored and query vector must have.</summary>
    int Dimension { get; }

    /// <summary>Stores each vector under its id, replacing any earlier one: seeding twice with the same ids leaves the same points.</summary>
    /// <exception cref="ArgumentException">A vector whose length is not <see cref="Dimension"/>.</exception>
    /// <exception cref="VectorIndexException">The backend failed or cannot be reached.</exception>
    ValueTask UpsertAsync(IReadOnlyList<IndexedVector> vectors, CancellationToken cancellationToken = default);

    /// <summary>The <see cref="VectorQuery.TopK"/> most similar vectors that pass the query's threshold and kind filter, best first;
    /// equal similarities rank by id (ordinal).</summary>
    /// <exception cref="ArgumentException">A query vector whose length is not <see cref="Dimension"/>.</exception>
    /// <exception cref="VectorIndexException">The backend failed or cannot be reached.</exception>
    ValueTask<IReadOnlyList<VectorHit>> SearchAsync(VectorQuery query, CancellationToken cancellationToken = default);

    /// <summary>How many vectors are stored: of one kind only when <paramref name="kind"/> is given, and only those whose text hash
    /// is one of <paramref name="textHashes"/> when given (how a reader finds out that a seed is stale).</summary>
    ValueTask<long> CountAsync(string? kind = null, IReadOnlyCollection<string>? textHashes = null, CancellationToken cancellationToken = default);
}

/// <summary>
/// A vector to store, with what it stands for: <paramref name="Kind"/> (e.g. <c>topic</c>) is the payload a query can
/// filter on; <paramref name="TextHash"/> identifies the text that was embedded, so a re-seed shows whether it changed.
/// </summary>
public sealed record IndexedVector(string Id, float[] Vector, string Kind, string TextHash);

/// <summary>A nearest-neighbour query. Hits need a similarity ≥ <see cref="MinSimilarity"/> (when set) and the payload
/// kind <see cref="Kind"/> (when set).</summary>
public sealed record VectorQuery(float[] Vector, int TopK)
{
    public double? MinSimilarity { get; init; }

    public string? Kind { get; init; }
}

/// <summary>A vector-index backend failed: unreachable, missing collection, a collection of another dimension.</summary>
public sealed class VectorIndexException(string message, Exception? inner = null) : Exception(message, inner);
