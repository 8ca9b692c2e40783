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

/// <summary>Cosine-similarity search over stored vectors (embedded exact index, or Qdrant).</summary>
public interface IVectorIndex
{
    void Upsert(string id, float[] vector);
    /// <summary>The <paramref name="topK"/> most similar vectors, best first; ties broken by id for determinism.</summary>
    IReadOnlyList<VectorHit> Search(float[] query, int topK);
    int Count { get; }
}
