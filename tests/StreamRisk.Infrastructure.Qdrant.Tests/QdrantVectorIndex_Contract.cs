using StreamRisk.Core.Topics;
using StreamRisk.Infrastructure.Qdrant;
using StreamRisk.Tests.Shared.Qdrant;
using StreamRisk.Tests.Shared.Topics;

namespace StreamRisk.Infrastructure.Qdrant.Tests;

/// <summary>The vector-index contract against Qdrant: the real Qdrant.Client over gRPC to the in-process fake.</summary>
public sealed class QdrantVectorIndex_Contract : VectorIndexContract, IAsyncLifetime
{
    private FakeQdrantServer _server = null!;
    private readonly List<QdrantVectorIndex> _opened = [];
    private int _models;

    public async Task InitializeAsync() => _server = await FakeQdrantServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var index in _opened) index.Dispose();
        await _server.DisposeAsync();
    }

    protected override async Task<IVectorIndex> CreateAsync(int dimension)
    {
        var index = await QdrantVectorIndex.OpenAsync(new QdrantIndexOptions(_server.Address), $"contract/{++_models}", dimension, createIfMissing: true);
        _opened.Add(index);
        return index;
    }
}
