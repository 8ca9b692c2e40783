using System.Net;
using System.Net.Sockets;
using StreamRisk.Core.Topics;
using StreamRisk.Infrastructure.Qdrant;
using StreamRisk.Tests.Shared.Qdrant;

namespace StreamRisk.Infrastructure.Qdrant.Tests;

/// <summary>What goes wrong with a Qdrant backend is reported with the server, the collection and what to do.</summary>
public sealed class QdrantVectorIndex_Errors : IAsyncLifetime
{
    private FakeQdrantServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeQdrantServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_missing_collection_is_created_with_the_model_dimension_and_cosine_distance()
    {
        using var index = await QdrantVectorIndex.OpenAsync(new QdrantIndexOptions(_server.Address), "hashed-tfidf/1-d4096", 8, createIfMissing: true);

        var collection = _server.State.Collections["streamrisk_hashed-tfidf_1-d4096"];
        Assert.Equal("streamrisk_hashed-tfidf_1-d4096", index.Collection);
        Assert.Equal(8UL, collection.Size);
        Assert.Equal(global::Qdrant.Client.Grpc.Distance.Cosine, collection.Distance);
    }

    [Fact]
    public async Task A_missing_collection_without_create_says_to_seed_it()
    {
        var error = await Assert.ThrowsAsync<VectorIndexException>(() =>
            QdrantVectorIndex.OpenAsync(new QdrantIndexOptions(_server.Address), "model-a", 8, createIfMissing: false));

        Assert.Contains("no collection 'streamrisk_model-a'", error.Message, StringComparison.Ordinal);
        Assert.Contains("streamrisk index seed", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.State.Collections);
    }

    [Fact]
    public async Task A_collection_of_another_dimension_is_an_error_and_left_alone()
    {
        using (var first = await QdrantVectorIndex.OpenAsync(new QdrantIndexOptions(_server.Address), "model-a", 8, createIfMissing: true))
        {
            await first.UpsertAsync([new IndexedVector("x", new float[8], "topic", "h")]);
        }

        var error = await Assert.ThrowsAsync<VectorIndexException>(() =>
            QdrantVectorIndex.OpenAsync(new QdrantIndexOptions(_server.Address), "model-a", 4, createIfMissing: true));

        Assert.Contains("holds 8-dimensional vectors", error.Message, StringComparison.Ordinal);
        Assert.Contains("makes 4-dimensional", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.State.Collections["streamrisk_model-a"].Points);
    }

    [Fact]
    public async Task A_collection_deleted_under_a_running_index_is_reported_as_missing()
    {
        using var index = await QdrantVectorIndex.OpenAsync(new QdrantIndexOptions(_server.Address), "model-a", 2, createIfMissing: true);
        _server.State.Collections.Clear();

        var error = await Assert.ThrowsAsync<VectorIndexException>(async () => await index.SearchAsync(new VectorQuery([1f, 0f], 3)));

        Assert.Contains("no collection 'streamrisk_model-a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_named_in_the_error()
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");

        var error = await Assert.ThrowsAsync<VectorIndexException>(() =>
            QdrantVectorIndex.OpenAsync(new QdrantIndexOptions(address) { Timeout = TimeSpan.FromSeconds(5) }, "model-a", 2, createIfMissing: true));

        Assert.Contains($"Qdrant at {address} is unreachable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_key_is_sent_and_a_wrong_one_is_reported()
    {
        await using var guarded = await FakeQdrantServer.StartAsync(apiKey: "secret-key");

        using var index = await QdrantVectorIndex.OpenAsync(new QdrantIndexOptions(guarded.Address) { ApiKey = "secret-key" }, "model-a", 2, createIfMissing: true);
        var error = await Assert.ThrowsAsync<VectorIndexException>(() =>
            QdrantVectorIndex.OpenAsync(new QdrantIndexOptions(guarded.Address) { ApiKey = "wrong" }, "model-a", 2, createIfMissing: true));

        Assert.Contains("refused the API key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Point_ids_are_stable_uuids_so_reseeding_overwrites()
    {
        using var index = await QdrantVectorIndex.OpenAsync(new QdrantIndexOptions(_server.Address), "model-a", 2, createIfMissing: true);
        await index.UpsertAsync([new IndexedVector("oil", [1f, 0f], "topic", "h1")]);
        await index.UpsertAsync([new IndexedVector("oil", [0f, 1f], "topic", "h2")]);

        var point = Assert.Single(_server.State.Collections[index.Collection].Points);
        Assert.Equal(QdrantVectorIndex.PointIdFor("oil").ToString(), point.Key);
        Assert.Equal("h2", point.Value.Payload[QdrantVectorIndex.TextHashField].StringValue);
        Assert.Equal("oil", point.Value.Payload[QdrantVectorIndex.IdField].StringValue);
        Assert.NotEqual(QdrantVectorIndex.PointIdFor("oil"), QdrantVectorIndex.PointIdFor("gas"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
