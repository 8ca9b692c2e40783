using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using StreamRisk.Core.Topics;

namespace StreamRisk.Infrastructure.Qdrant;

/// <summary>
/// <see cref="IVectorIndex"/> over a Qdrant collection through Qdrant.Client (gRPC). One collection per embedding model
/// (<see cref="CollectionFor"/>), cosine distance, the model's dimension; points carry the payload <c>id</c>,
/// <c>kind</c> and <c>text_hash</c>. A point's Qdrant id is a UUID derived from our id, so re-seeding the same ids
/// overwrites the same points. Verified here only against an in-process gRPC fake driven by the real client.
/// </summary>
public sealed class QdrantVectorIndex : IVectorIndex, IDisposable
{
    public const string IdField = "id";
    public const string KindField = "kind";
    public const string TextHashField = "text_hash";

    // Upserts go in batches well under gRPC's default 4 MB message limit (64 hashed TF-IDF vectors of 4,096 floats: 1 MB).
    private const int UpsertBatch = 64;

    private readonly QdrantClient _client;
    private readonly bool _ownsClient;
    private readonly string _address;

    private QdrantVectorIndex(QdrantClient client, bool ownsClient, string address, string collection, int dimension)
    {
        _client = client;
        _ownsClient = ownsClient;
        _address = address;
        Collection = collection;
        Dimension = dimension;
    }

    public string Collection { get; }

    public int Dimension { get; }

    /// <summary>The collection of embedding model <paramref name="modelId"/>: <c>streamrisk_</c> and the id with every
    /// character outside [A-Za-z0-9_-] replaced by <c>_</c>.</summary>
    public static string CollectionFor(string modelId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        var name = new StringBuilder("streamrisk_", modelId.Length + 11);
        foreach (var c in modelId)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_');
        }
        return name.ToString();
    }

    /// <summary>The Qdrant point id of <paramref name="id"/>: a name-based UUID (SHA-256, RFC 9562 version 8 layout), stable across runs.</summary>
    public static Guid PointIdFor(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("streamrisk:" + id), digest);
        var bytes = digest[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>Connects to the Qdrant at <paramref name="options"/>' address (gRPC port, usually 6334) and opens the model's collection.</summary>
    public static Task<QdrantVectorIndex> OpenAsync(QdrantIndexOptions options, string modelId, int dimension, bool createIfMissing,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var client = new QdrantClient(options.Address, options.ApiKey, options.Timeout);
        return OpenAsync(client, ownsClient: true, options.Address.ToString(), modelId, dimension, createIfMissing, cancellationToken);
    }

    /// <summary>
    /// Opens the collection of <paramref name="modelId"/> on <paramref name="client"/>: creates it (cosine, <paramref name="dimension"/>)
    /// when missing and <paramref name="createIfMissing"/>, else fails saying to seed it; a collection of another dimension
    /// or distance is an error, never overwritten.
    /// </summary>
    public static async Task<QdrantVectorIndex> OpenAsync(QdrantClient client, bool ownsClient, string address, string modelId, int dimension,
        bool createIfMissing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        var collection = CollectionFor(modelId);
        try
        {
            if (!await client.CollectionExistsAsync(collection, cancellationToken).ConfigureAwait(false))
            {
                if (!createIfMissing)
                {
                    throw new VectorIndexException($"Qdrant at {address} has no collection '{collection}' (embedder '{modelId}'): seed it first (streamrisk index seed --qdrant {address})");
                }
                try
                {
                    await client.CreateCollectionAsync(collection, new VectorParams { Size = (ulong)dimension, Distance = Distance.Cosine },
                        cancellationToken: cancellationToken).ConfigureAwait(false);
                }
                catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
                {
                    // Another seeder created it first: check it like any existing collection.
                }
            }
            var info = await client.GetCollectionInfoAsync(collection, cancellationToken).ConfigureAwait(false);
            CheckShape(info, address, collection, modelId, dimension);
            return new QdrantVectorIndex(client, ownsClient, address, collection, dimension);
        }
        catch (RpcException ex)
        {
            if (ownsClient) client.Dispose();
            throw Failure(address, collection, "open", ex);
        }
        catch
        {
            if (ownsClient) client.Dispose();
            throw;
        }
    }

    private static void CheckShape(CollectionInfo info, string address, string collection, string modelId, int dimension)
    {
        var vectors = info.Config?.Params?.VectorsConfig;
        if (vectors?.ConfigCase != VectorsConfig.ConfigOneofCase.Params)
        {
            throw new VectorIndexException($"Qdrant at {address}: collection '{collection}' has named vectors; StreamRisk needs one unnamed cosine vector per point (delete the collection and seed again)");
        }
        if (vectors.Params.Size != (ulong)dimension)
        {
            throw new VectorIndexException($"Qdrant at {address}: collection '{collection}' holds {vectors.Params.Size}-dimensional vectors, embedder '{modelId}' makes {dimension}-dimensional ones (delete the collection and seed again)");
        }
        if (vectors.Params.Distance != Distance.Cosine)
        {
            throw new VectorIndexException($"Qdrant at {address}: collection '{collection}' uses {vectors.Params.Distance} distance, StreamRisk needs Cosine (delete the collection and seed again)");
        }
    }

    public async ValueTask UpsertAsync(IReadOnlyList<IndexedVector> vectors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var points = new List<PointStruct>(vectors.Count);
        foreach (var vector in vectors)
        {
            CheckDimension(vector.Vector, "vector");
            var point = new PointStruct
            {
                Id = new PointId { Uuid = PointIdFor(vector.Id).ToString() },
                Vectors = new Vectors { Vector = new Vector { Dense = new DenseVector { Data = { vector.Vector } } } },
            };
            point.Payload[IdField] = vector.Id;
            point.Payload[KindField] = vector.Kind;
            point.Payload[TextHashField] = vector.TextHash;
            points.Add(point);
        }
        try
        {
            for (var start = 0; start < points.Count; start += UpsertBatch)
            {
                await _client.UpsertAsync(Collection, points.GetRange(start, Math.Min(UpsertBatch, points.Count - start)), wait: true,
                    cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RpcException ex)
        {
            throw Failure(_address, Collection, "upsert into", ex);
        }
    }

    public async ValueTask<IReadOnlyList<VectorHit>> SearchAsync(VectorQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckDimension(query.Vector, "query");
        if (query.TopK <= 0)
        {
            return [];
        }
        IReadOnlyList<ScoredPoint> points;
        try
        {
            points = await _client.QueryAsync(Collection,
                query: new Query { Nearest = new VectorInput { Dense = new DenseVector { Data = { query.Vector } } } },
                filter: KindFilter(query.Kind),
                scoreThreshold: query.MinSimilarity is { } min ? (float)min : null,
                limit: (ulong)query.TopK,
                payloadSelector: new WithPayloadSelector { Include = new PayloadIncludeSelector { Fields = { IdField } } },
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            throw Failure(_address, Collection, "query", ex);
        }
        var hits = new VectorHit[points.Count];
        for (var i = 0; i < hits.Length; i++)
        {
            var point = points[i];
            if (!point.Payload.TryGetValue(IdField, out var id) || id.KindCase != Value.KindOneofCase.StringValue)
            {
                throw new VectorIndexException($"Qdrant at {_address}: a point of collection '{Collection}' has no '{IdField}' payload (was it seeded by streamrisk index seed?)");
            }
            hits[i] = new VectorHit(id.StringValue, Math.Clamp(point.Score, -1.0, 1.0));
        }
        // Same order as the embedded index: similarity, then id.
        Array.Sort(hits, static (a, b) => TopHits.IsBetter(a, b) ? -1 : TopHits.IsBetter(b, a) ? 1 : 0);
        return hits;
    }

    public async ValueTask<long> CountAsync(string? kind = null, IReadOnlyCollection<string>? textHashes = null, CancellationToken cancellationToken = default)
    {
        var filter = KindFilter(kind);
        if (textHashes is not null)
        {
            filter ??= new Filter();
            filter.Must.Add(new Condition
            {
                Field = new FieldCondition { Key = TextHashField, Match = new Match { Keywords = new RepeatedStrings { Strings = { textHashes } } } },
            });
        }
        try
        {
            return (long)await _client.CountAsync(Collection, filter, exact: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            throw Failure(_address, Collection, "count", ex);
        }
    }

    private static Filter? KindFilter(string? kind) => kind is null ? null
        : new Filter { Must = { new Condition { Field = new FieldCondition { Key = KindField, Match = new Match { Keyword = kind } } } } };

    private void CheckDimension(float[] vector, string what)
    {
        ArgumentNullException.ThrowIfNull(vector);
        if (vector.Length != Dimension)
        {
            throw new ArgumentException($"{what} has {vector.Length} dimensions, collection '{Collection}' holds {Dimension}", what);
        }
    }

    private static VectorIndexException Failure(string address, string collection, string action, RpcException ex) => ex.StatusCode switch
    {
        StatusCode.Unavailable => new VectorIndexException($"Qdrant at {address} is unreachable ({ex.Status.Detail}): is it running, and is this its gRPC port (6334)?", ex),
        StatusCode.DeadlineExceeded => new VectorIndexException($"Qdrant at {address} did not answer in time to {action} collection '{collection}'", ex),
        StatusCode.NotFound => new VectorIndexException($"Qdrant at {address} has no collection '{collection}' ({ex.Status.Detail}): seed it (streamrisk index seed)", ex),
        StatusCode.Unauthenticated or StatusCode.PermissionDenied => new VectorIndexException($"Qdrant at {address} refused the API key (STREAMRISK_QDRANT_API_KEY) to {action} collection '{collection}'", ex),
        _ => new VectorIndexException($"Qdrant at {address} failed to {action} collection '{collection}': {ex.StatusCode} {ex.Status.Detail}", ex),
    };

    public void Dispose()
    {
        if (_ownsClient) _client.Dispose();
    }
}
