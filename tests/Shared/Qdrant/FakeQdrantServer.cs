using System.Collections.Concurrent;
using System.Net;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Qdrant.Client.Grpc;

namespace StreamRisk.Tests.Shared.Qdrant;

/// <summary>
/// An in-process Qdrant for tests: Kestrel on 127.0.0.1 (HTTP/2, a free port) serving the six gRPC methods the
/// adapter calls — Collections/CollectionExists, Get, Create and Points/Upsert, Query, Count — over Qdrant.Client's own
/// message types, with hand-built method descriptors (the package ships client stubs only). Limits: one unnamed dense
/// vector per point, Cosine distance only (vectors normalised on upsert, score = dot product, as Qdrant does), filters
/// of "must" keyword conditions only (one keyword or any of several), no HNSW (exact search), results ordered by score then point UUID; payload
/// include-selectors honoured. Errors follow Qdrant's status codes: NotFound for a missing collection,
/// InvalidArgument for a wrong vector dimension, AlreadyExists for a second create, Unauthenticated without the API key.
/// </summary>
public sealed class FakeQdrantServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeQdrantServer(WebApplication app, FakeQdrantState state, Uri address)
    {
        _app = app;
        State = state;
        Address = address;
    }

    public FakeQdrantState State { get; }

    /// <summary>http://127.0.0.1:PORT — what <c>--qdrant</c> takes.</summary>
    public Uri Address { get; }

    public static async Task<FakeQdrantServer> StartAsync(string? apiKey = null)
    {
        var state = new FakeQdrantState { ApiKey = apiKey };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(state);
        var app = builder.Build();
        app.MapGrpcService<FakeQdrantCollections>();
        app.MapGrpcService<FakeQdrantPoints>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeQdrantServer(app, state, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The fake's collections, shared by its two services.</summary>
public sealed class FakeQdrantState
{
    public string? ApiKey { get; init; }

    public ConcurrentDictionary<string, FakeCollection> Collections { get; } = new(StringComparer.Ordinal);

    /// <summary>Calls received, by method name (what the adapter actually sent).</summary>
    public ConcurrentDictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

    internal FakeCollection Open(string name, ServerCallContext context, string method)
    {
        Authorize(context, method);
        return Collections.TryGetValue(name, out var collection) ? collection
            : throw new RpcException(new Status(StatusCode.NotFound, $"Not found: Collection `{name}` doesn't exist!"));
    }

    internal void Authorize(ServerCallContext context, string method)
    {
        Calls.AddOrUpdate(method, 1, (_, n) => n + 1);
        if (ApiKey is not null && context.RequestHeaders.GetValue("api-key") != ApiKey)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Must provide an API key or an Authorization bearer token"));
        }
    }
}

public sealed class FakeCollection(ulong size, Distance distance)
{
    public ulong Size { get; } = size;

    public Distance Distance { get; } = distance;

    public ConcurrentDictionary<string, (float[] Vector, MapField<string, Value> Payload)> Points { get; } = new(StringComparer.Ordinal);

    internal bool Matches(MapField<string, Value> payload, Filter? filter)
    {
        if (filter is null)
        {
            return true;
        }
        if (filter.Should.Count > 0 || filter.MustNot.Count > 0 || filter.MinShould is not null)
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, "the fake understands 'must' keyword matches only"));
        }
        return filter.Must.All(condition => condition.Field switch
        {
            { Match.MatchValueCase: Match.MatchValueOneofCase.Keyword } field =>
                payload.TryGetValue(field.Key, out var value) && value.StringValue == field.Match.Keyword,
            { Match.MatchValueCase: Match.MatchValueOneofCase.Keywords } field =>
                payload.TryGetValue(field.Key, out var value) && field.Match.Keywords.Strings.Contains(value.StringValue),
            _ => throw new RpcException(new Status(StatusCode.Unimplemented, "the fake understands 'must' keyword matches (one or any of several) only")),
        });
    }
}

/// <summary>Hand-built descriptors: the service and method names of Qdrant's collections_service.proto and points_service.proto.</summary>
internal static class FakeQdrantMethods
{
    public static Method<TRequest, TResponse> Unary<TRequest, TResponse>(string service, string name)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var requests = new MessageParser<TRequest>(() => new TRequest());
        var responses = new MessageParser<TResponse>(() => new TResponse());
        return new Method<TRequest, TResponse>(MethodType.Unary, service, name,
            Marshallers.Create(m => m.ToByteArray(), requests.ParseFrom),
            Marshallers.Create(m => m.ToByteArray(), responses.ParseFrom));
    }
}

[BindServiceMethod(typeof(FakeQdrantCollections), nameof(BindService))]
public class FakeQdrantCollections(FakeQdrantState state)
{
    private const string Service = "qdrant.Collections";

    public static void BindService(ServiceBinderBase binder, FakeQdrantCollections? service)
    {
        binder.AddMethod(FakeQdrantMethods.Unary<CollectionExistsRequest, CollectionExistsResponse>(Service, "CollectionExists"),
            service is null ? null : service.CollectionExists);
        binder.AddMethod(FakeQdrantMethods.Unary<GetCollectionInfoRequest, GetCollectionInfoResponse>(Service, "Get"),
            service is null ? null : service.Get);
        binder.AddMethod(FakeQdrantMethods.Unary<CreateCollection, CollectionOperationResponse>(Service, "Create"),
            service is null ? null : service.Create);
    }

    public virtual Task<CollectionExistsResponse> CollectionExists(CollectionExistsRequest request, ServerCallContext context)
    {
        state.Authorize(context, "CollectionExists");
        return Task.FromResult(new CollectionExistsResponse { Result = new global::Qdrant.Client.Grpc.CollectionExists { Exists = state.Collections.ContainsKey(request.CollectionName) } });
    }

    public virtual Task<GetCollectionInfoResponse> Get(GetCollectionInfoRequest request, ServerCallContext context)
    {
        var collection = state.Open(request.CollectionName, context, "Get");
        return Task.FromResult(new GetCollectionInfoResponse
        {
            Result = new CollectionInfo
            {
                Status = CollectionStatus.Green,
                PointsCount = (ulong)collection.Points.Count,
                Config = new CollectionConfig
                {
                    Params = new CollectionParams { VectorsConfig = new VectorsConfig { Params = new VectorParams { Size = collection.Size, Distance = collection.Distance } } },
                },
            },
        });
    }

    public virtual Task<CollectionOperationResponse> Create(CreateCollection request, ServerCallContext context)
    {
        state.Authorize(context, "Create");
        if (request.VectorsConfig?.ConfigCase != VectorsConfig.ConfigOneofCase.Params)
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, "the fake creates collections of one unnamed vector only"));
        }
        if (request.VectorsConfig.Params.Distance != Distance.Cosine)
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, "the fake knows Cosine distance only"));
        }
        if (!state.Collections.TryAdd(request.CollectionName, new FakeCollection(request.VectorsConfig.Params.Size, Distance.Cosine)))
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, $"Wrong input: Collection `{request.CollectionName}` already exists!"));
        }
        return Task.FromResult(new CollectionOperationResponse { Result = true });
    }
}

[BindServiceMethod(typeof(FakeQdrantPoints), nameof(BindService))]
public class FakeQdrantPoints(FakeQdrantState state)
{
    private const string Service = "qdrant.Points";

    public static void BindService(ServiceBinderBase binder, FakeQdrantPoints? service)
    {
        binder.AddMethod(FakeQdrantMethods.Unary<UpsertPoints, PointsOperationResponse>(Service, "Upsert"), service is null ? null : service.Upsert);
        binder.AddMethod(FakeQdrantMethods.Unary<QueryPoints, QueryResponse>(Service, "Query"), service is null ? null : service.Query);
        binder.AddMethod(FakeQdrantMethods.Unary<CountPoints, CountResponse>(Service, "Count"), service is null ? null : service.Count);
    }

    public virtual Task<PointsOperationResponse> Upsert(UpsertPoints request, ServerCallContext context)
    {
        var collection = state.Open(request.CollectionName, context, "Upsert");
        var accepted = new List<(string, float[], MapField<string, Value>)>();
        foreach (var point in request.Points)
        {
            var vector = point.Vectors?.Vector?.Dense?.Data.ToArray()
                ?? throw new RpcException(new Status(StatusCode.InvalidArgument, "Wrong input: the fake takes one unnamed dense vector per point"));
            if ((ulong)vector.Length != collection.Size)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"Wrong input: Vector dimension error: expected dim: {collection.Size}, got {vector.Length}"));
            }
            accepted.Add((point.Id.Uuid, Normalise(vector), point.Payload.Clone()));
        }
        foreach (var (id, vector, payload) in accepted)
        {
            collection.Points[id] = (vector, payload);
        }
        return Task.FromResult(new PointsOperationResponse { Result = new UpdateResult { Status = UpdateStatus.Completed } });
    }

    public virtual Task<QueryResponse> Query(QueryPoints request, ServerCallContext context)
    {
        var collection = state.Open(request.CollectionName, context, "Query");
        var query = request.Query?.Nearest?.Dense?.Data.ToArray()
            ?? throw new RpcException(new Status(StatusCode.Unimplemented, "the fake answers nearest-dense-vector queries only"));
        if ((ulong)query.Length != collection.Size)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"Wrong input: Vector dimension error: expected dim: {collection.Size}, got {query.Length}"));
        }
        query = Normalise(query);
        var limit = request.HasLimit ? (int)request.Limit : 10;
        var scored = collection.Points
            .Where(p => collection.Matches(p.Value.Payload, request.Filter))
            .Select(p => (Id: p.Key, p.Value.Payload, Score: Dot(query, p.Value.Vector)))
            .Where(p => !request.HasScoreThreshold || p.Score >= request.ScoreThreshold)
            .OrderByDescending(p => p.Score).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(limit);
        var response = new QueryResponse();
        foreach (var (id, payload, score) in scored)
        {
            var point = new ScoredPoint { Id = new PointId { Uuid = id }, Score = score };
            foreach (var (key, value) in payload)
            {
                // Qdrant returns no payload unless asked.
                if (request.WithPayload is { } selector && (selector.Enable || (selector.Include is { } include && include.Fields.Contains(key))))
                {
                    point.Payload[key] = value;
                }
            }
            response.Result.Add(point);
        }
        return Task.FromResult(response);
    }

    public virtual Task<CountResponse> Count(CountPoints request, ServerCallContext context)
    {
        var collection = state.Open(request.CollectionName, context, "Count");
        var count = collection.Points.Values.Count(p => collection.Matches(p.Payload, request.Filter));
        return Task.FromResult(new CountResponse { Result = new CountResult { Count = (ulong)count } });
    }

    private static float[] Normalise(float[] vector)
    {
        var norm = MathF.Sqrt(Dot(vector, vector));
        return norm > 0 ? vector.Select(x => x / norm).ToArray() : vector;
    }

    private static float Dot(float[] a, float[] b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
