using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StreamRisk.Infrastructure.Graph;

namespace StreamRisk.Tests.Shared.Neo4j;

/// <summary>
/// An in-process stand-in for Neo4j's HTTP Query API: Kestrel on 127.0.0.1 (a free port) answering
/// <c>POST /db/{db}/query/v2</c> with the documented shapes — 202 and <c>{"data": {"fields", "values"}, "bookmarks"}</c>,
/// errors as a non-2xx status with <c>{"errors": [{"code", "message"}]}</c>, 401 without the right Basic credentials.
/// Limits: it does not parse Cypher; it recognises the exact statements of <see cref="Neo4jStatements"/> and interprets
/// them over an in-memory graph (MERGE upserts by id, MATCH-then-MERGE skips rows whose nodes are missing, the prune
/// statements delete edges not kept, the variable-length RELATED_TO match is a breadth-first search), answering any other statement with Neo.ClientError.Statement.SyntaxError. No
/// transactions, bookmarks are a constant, values are plain JSON (not the typed application/vnd.neo4j.query format).
/// </summary>
public sealed class FakeNeo4jServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _user;
    private readonly string _password;

    public const string DatabaseName = "neo4j";

    private FakeNeo4jServer(WebApplication app, string user, string password, Uri address)
    {
        _app = app;
        _user = user;
        _password = password;
        Address = address;
    }

    public Uri Address { get; }

    public ConcurrentDictionary<string, JsonObject> Industries { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, JsonObject> Topics { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, JsonObject> Issuers { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<(string Topic, string Industry), double> Affects { get; } = new();
    /// <summary>BELONGS_TO edges with their properties (<c>placed_by</c>, and <c>similarity</c> unless null).</summary>
    public ConcurrentDictionary<(string Issuer, string Industry), JsonObject> BelongsTo { get; } = new();
    public ConcurrentDictionary<(string From, string To, string Kind), double> Relations { get; } = new();

    /// <summary>Every request received: statement, parameters and the Authorization header.</summary>
    public ConcurrentQueue<(string Statement, JsonObject Parameters, string? Authorization)> Requests { get; } = new();

    /// <summary>When set, every request fails with this HTTP status and a Neo4j error body.</summary>
    public HttpStatusCode? FailWith { get; set; }

    public static async Task<FakeNeo4jServer> StartAsync(string user = "neo4j", string password = "test-password")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeNeo4jServer? server = null;
        app.MapPost("/db/{db}/query/v2", (string db, HttpContext context) => server!.HandleAsync(db, context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FakeNeo4jServer(app, user, password, new Uri(address));
        return server;
    }

    private async Task<IResult> HandleAsync(string db, HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
        var statement = body?["statement"]?.GetValue<string>() ?? "";
        var parameters = body?["parameters"] as JsonObject ?? new JsonObject();
        string? authorization = context.Request.Headers.Authorization;
        Requests.Enqueue((statement, (JsonObject)parameters.DeepClone(), authorization));
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_user}:{_password}"));
        if (authorization != expected)
        {
            return Error(HttpStatusCode.Unauthorized, "Neo.ClientError.Security.Unauthorized", "The client is unauthorized due to authentication failure.");
        }
        if (FailWith is { } status)
        {
            return Error(status, "Neo.TransientError.General.DatabaseUnavailable", "The database is not available.");
        }
        if (db != DatabaseName)
        {
            return Error(HttpStatusCode.NotFound, "Neo.ClientError.Database.DatabaseNotFound", $"Database does not exist. Database name: '{db}'.");
        }
        lock (this)
        {
            return Execute(statement, parameters);
        }
    }

    private IResult Execute(string statement, JsonObject parameters)
    {
        var rows = parameters["rows"] as JsonArray ?? [];
        string S(JsonNode? row, string key) => row![key]!.GetValue<string>();
        if (Neo4jStatements.Constraints.Contains(statement))
        {
            return Rows([]);
        }
        switch (statement)
        {
            case Neo4jStatements.MergeIndustries:
                foreach (var row in rows) Industries[S(row, "id")] = (JsonObject)row!.DeepClone();
                return Rows([]);
            case Neo4jStatements.MergeTopics:
                foreach (var row in rows) Topics[S(row, "id")] = (JsonObject)row!.DeepClone();
                return Rows([]);
            case Neo4jStatements.MergeIssuers:
                foreach (var row in rows) Issuers[S(row, "id")] = (JsonObject)row!.DeepClone();
                return Rows([]);
            case Neo4jStatements.MergeAffects:
                foreach (var row in rows.Where(r => Topics.ContainsKey(S(r, "topic")) && Industries.ContainsKey(S(r, "industry"))))
                    Affects[(S(row, "topic"), S(row, "industry"))] = row!["weight"]!.GetValue<double>();
                return Rows([]);
            case Neo4jStatements.MergeBelongsTo:
                foreach (var row in rows.Where(r => Issuers.ContainsKey(S(r, "issuer")) && Industries.ContainsKey(S(r, "industry"))))
                    BelongsTo[(S(row, "issuer"), S(row, "industry"))] = EdgeProperties(row!, "placed_by", "similarity");
                return Rows([]);
            case Neo4jStatements.MergeRelations:
                foreach (var row in rows.Where(r => Issuers.ContainsKey(S(r, "from")) && Issuers.ContainsKey(S(r, "to"))))
                    Relations[(S(row, "from"), S(row, "to"), S(row, "kind"))] = row!["weight"]!.GetValue<double>();
                return Rows([]);
            case Neo4jStatements.PruneRelations:
                var keepRelations = Keep(parameters);
                foreach (var key in Relations.Keys.Where(k => !keepRelations.Contains($"{k.From}|{k.To}|{k.Kind}"))) Relations.TryRemove(key, out _);
                return Rows([]);
            case Neo4jStatements.RelationsNear:
                return Rows(["from", "to", "kind", "weight"], RelationsNear(parameters["issuer"]!.GetValue<string>(), parameters["hops"]!.GetValue<int>())
                    .Select(r => new JsonArray(r.Key.From, r.Key.To, r.Key.Kind, r.Value)).ToList());
            case Neo4jStatements.PruneAffects:
                var keepAffects = Keep(parameters);
                foreach (var key in Affects.Keys.Where(k => !keepAffects.Contains(k.Topic + "|" + k.Industry))) Affects.TryRemove(key, out _);
                return Rows([]);
            case Neo4jStatements.PruneBelongsTo:
                var keepMembers = Keep(parameters);
                foreach (var key in BelongsTo.Keys.Where(k => !keepMembers.Contains(k.Issuer + "|" + k.Industry))) BelongsTo.TryRemove(key, out _);
                return Rows([]);
            case Neo4jStatements.CountTopics:
                return Rows(["topics"], [[Topics.Count]]);
            case Neo4jStatements.EffectsOf:
                var topics = (parameters["topics"] as JsonArray ?? []).Select(t => t!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
                return Rows(["topic", "industry", "weight"], Affects
                    .Where(a => topics.Contains(a.Key.Topic) && a.Value != 0)
                    .OrderBy(a => a.Key.Topic, StringComparer.Ordinal).ThenBy(a => a.Key.Industry, StringComparer.Ordinal)
                    .Select(a => new JsonArray(a.Key.Topic, a.Key.Industry, a.Value)).ToList());
            case Neo4jStatements.IssuersOf:
                var industry = parameters["industry"]!.GetValue<string>();
                return Rows(["issuer"], BelongsTo.Keys.Where(b => b.Industry == industry).Select(b => b.Issuer)
                    .Order(StringComparer.Ordinal).Select(i => new JsonArray(i)).ToList());
            default:
                return Error(HttpStatusCode.BadRequest, "Neo.ClientError.Statement.SyntaxError", "the fake does not know this statement: " + statement);
        }
    }

    /// <summary>The row's values for <paramref name="names"/>; SET b.x = null removes a property in Cypher, so nulls are left out.</summary>
    private static JsonObject EdgeProperties(JsonNode row, params string[] names)
    {
        var edge = new JsonObject();
        foreach (var name in names)
        {
            if (row[name] is { } value) edge[name] = value.DeepClone();
        }
        return edge;
    }

    /// <summary>
    /// The edges on some path of at most <paramref name="hops"/> relations from <paramref name="issuer"/> (Cypher's
    /// <c>-[:RELATED_TO*1..4]-</c> with <c>length(p) &lt;= $hops</c>): those with an end at most hops − 1 relations away,
    /// found breadth first; ordered by from, to, kind as the statement's ORDER BY. Up to 4 hops, as the literal bound.
    /// </summary>
    private List<KeyValuePair<(string From, string To, string Kind), double>> RelationsNear(string issuer, int hops)
    {
        var distance = new Dictionary<string, int>(StringComparer.Ordinal);
        if (Issuers.ContainsKey(issuer)) distance[issuer] = 0;
        var frontier = distance.Keys.ToList();
        for (var hop = 1; hop < Math.Min(hops, 4) && frontier.Count > 0; hop++)
        {
            var next = Relations.Keys.SelectMany(k => new[] { (k.From, k.To), (k.To, k.From) })
                .Where(e => frontier.Contains(e.Item1) && !distance.ContainsKey(e.Item2)).Select(e => e.Item2).Distinct().ToList();
            foreach (var n in next) distance[n] = hop;
            frontier = next;
        }
        return Relations.Where(r => hops >= 1 && (distance.ContainsKey(r.Key.From) || distance.ContainsKey(r.Key.To)))
            .OrderBy(r => r.Key.From, StringComparer.Ordinal).ThenBy(r => r.Key.To, StringComparer.Ordinal).ThenBy(r => r.Key.Kind, StringComparer.Ordinal)
            .ToList();
    }

    private static HashSet<string> Keep(JsonObject parameters) =>
        (parameters["keep"] as JsonArray ?? []).Select(k => k!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);

    private static IResult Rows(string[] fields, IReadOnlyList<JsonArray>? values = null) => Results.Json(new JsonObject
    {
        ["data"] = new JsonObject { ["fields"] = new JsonArray(fields.Select(f => (JsonNode)f).ToArray()), ["values"] = new JsonArray((values ?? []).Cast<JsonNode>().ToArray()) },
        ["bookmarks"] = new JsonArray("FB:fake"),
    }, statusCode: StatusCodes.Status202Accepted);

    private static IResult Error(HttpStatusCode status, string code, string message) => Results.Json(new JsonObject
    {
        ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }),
    }, statusCode: (int)status);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
