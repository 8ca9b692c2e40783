using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StreamRisk.Core.Events;
using StreamRisk.Core.Graph;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Topics;

namespace StreamRisk.Infrastructure.Graph;

/// <summary>
/// <see cref="IKnowledgeGraph"/> over Neo4j's HTTP Query API (<c>POST /db/{db}/query/v2</c>, Basic auth), with
/// parameterised Cypher only (<see cref="Neo4jStatements"/>). A topic's AFFECTS edges are cached for
/// <see cref="Neo4jGraphOptions.CacheFor"/>, so a stream of texts on the same topics costs one round trip per topic
/// per period instead of one per text. Verified here only against an in-process fake of the Query API.
/// </summary>
public sealed class Neo4jKnowledgeGraph : IKnowledgeGraph, IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Neo4jGraphOptions _options;
    private readonly TimeProvider _time;
    private readonly Uri _endpoint;
    private readonly ConcurrentDictionary<string, (DateTimeOffset Fetched, TopicIndustryLink[] Links)> _effects = new(StringComparer.Ordinal);

    public Neo4jKnowledgeGraph(Neo4jGraphOptions options, HttpClient? http = null, TimeProvider? time = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? TimeProvider.System;
        _ownsHttp = http is null;
        _http = http ?? new HttpClient { Timeout = options.Timeout };
        var root = options.Address.AbsoluteUri.TrimEnd('/');
        _endpoint = new Uri($"{root}/db/{Uri.EscapeDataString(options.Database)}/query/v2");
    }

    public string Source => _options.ToString();

    /// <summary>How many Query API requests were sent (the cache's effect is visible in tests and the bench).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    private long _requests;

    /// <summary>Checks the server answers and holds a seeded graph; fails saying to run <c>streamrisk graph seed</c> when not.</summary>
    public async Task CheckSeededAsync(CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync(Neo4jStatements.CountTopics, new JsonObject(), cancellationToken).ConfigureAwait(false);
        var topics = rows.Count == 1 ? rows[0][0]?.GetValue<long>() ?? 0 : 0;
        if (topics == 0)
        {
            throw new KnowledgeGraphException($"Neo4j at {_options} holds no Topic nodes: seed it first (streamrisk graph seed --neo4j {_options.Address})");
        }
    }

    /// <summary>MERGEs every node and edge of <paramref name="seed"/> and removes edges it no longer has; idempotent.</summary>
    public async Task SeedAsync(KnowledgeGraphSeed seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seed);
        foreach (var constraint in Neo4jStatements.Constraints)
        {
            await QueryAsync(constraint, new JsonObject(), cancellationToken).ConfigureAwait(false);
        }
        await WriteRowsAsync(Neo4jStatements.MergeIndustries,
            seed.Industries.Select(i => new JsonObject { ["id"] = i.IndustryId, ["name"] = i.Name, ["sector"] = i.Sector }), cancellationToken).ConfigureAwait(false);
        await WriteRowsAsync(Neo4jStatements.MergeTopics,
            seed.Topics.Select(t => new JsonObject { ["id"] = t.TopicId, ["name"] = t.Name, ["category"] = t.Category }), cancellationToken).ConfigureAwait(false);
        await WriteRowsAsync(Neo4jStatements.MergeIssuers,
            seed.Issuers.Select(i => new JsonObject { ["id"] = i.IssuerId, ["name"] = i.LegalName }), cancellationToken).ConfigureAwait(false);
        await WriteRowsAsync(Neo4jStatements.MergeAffects,
            seed.Affects.Select(l => new JsonObject { ["topic"] = l.TopicId, ["industry"] = l.IndustryId, ["weight"] = l.Weight }), cancellationToken).ConfigureAwait(false);
        await WriteRowsAsync(Neo4jStatements.MergeBelongsTo,
            seed.BelongsTo.Select(b => new JsonObject
            {
                ["issuer"] = b.IssuerId, ["industry"] = b.IndustryId, ["placed_by"] = b.PlacedBy, ["similarity"] = b.PlacementSimilarity,
            }), cancellationToken).ConfigureAwait(false);
        await WriteRowsAsync(Neo4jStatements.MergeRelations,
            seed.Relations.Select(r => new JsonObject
            {
                ["from"] = r.FromIssuerId, ["to"] = r.ToIssuerId, ["kind"] = IssuerRelation.KindName(r.Kind), ["weight"] = r.Weight,
            }), cancellationToken).ConfigureAwait(false);
        await QueryAsync(Neo4jStatements.PruneRelations,
            new JsonObject { ["keep"] = new JsonArray(seed.Relations.Select(r => (JsonNode)$"{r.FromIssuerId}|{r.ToIssuerId}|{IssuerRelation.KindName(r.Kind)}").ToArray()) },
            cancellationToken).ConfigureAwait(false);
        await QueryAsync(Neo4jStatements.PruneAffects,
            new JsonObject { ["keep"] = new JsonArray(seed.Affects.Select(l => (JsonNode)(l.TopicId + "|" + l.IndustryId)).ToArray()) }, cancellationToken).ConfigureAwait(false);
        await QueryAsync(Neo4jStatements.PruneBelongsTo,
            new JsonObject { ["keep"] = new JsonArray(seed.BelongsTo.Select(b => (JsonNode)(b.IssuerId + "|" + b.IndustryId)).ToArray()) }, cancellationToken).ConfigureAwait(false);
        _effects.Clear();
    }

    // Rows go in chunks so one request stays small whatever the size of the reference data.
    private async Task WriteRowsAsync(string statement, IEnumerable<JsonObject> rows, CancellationToken cancellationToken)
    {
        foreach (var chunk in rows.Chunk(1000))
        {
            await QueryAsync(statement, new JsonObject { ["rows"] = new JsonArray(chunk.Cast<JsonNode>().ToArray()) }, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask<IReadOnlyList<TopicIndustryLink>> EffectsOfAsync(IReadOnlyCollection<string> topicIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topicIds);
        var now = _time.GetUtcNow();
        var wanted = topicIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var missing = wanted.Where(t => !_effects.TryGetValue(t, out var cached) || now - cached.Fetched >= _options.CacheFor).ToList();
        var fetched = new Dictionary<string, List<TopicIndustryLink>>(StringComparer.Ordinal);
        if (missing.Count > 0)
        {
            var rows = await QueryAsync(Neo4jStatements.EffectsOf,
                new JsonObject { ["topics"] = new JsonArray(missing.Select(t => (JsonNode)t).ToArray()) }, cancellationToken).ConfigureAwait(false);
            foreach (var topic in missing) fetched[topic] = [];
            foreach (var row in rows)
            {
                var link = new TopicIndustryLink(Text(row, 0), Text(row, 1), row[2]?.GetValue<double>() ?? 0);
                if (link.Weight != 0 && fetched.TryGetValue(link.TopicId, out var links)) links.Add(link);
            }
            if (_options.CacheFor > TimeSpan.Zero)
            {
                foreach (var (topic, links) in fetched) _effects[topic] = (now, links.ToArray());
            }
        }
        var result = new List<TopicIndustryLink>();
        foreach (var topic in wanted)
        {
            IEnumerable<TopicIndustryLink> links = fetched.TryGetValue(topic, out var fresh) ? fresh : _effects.TryGetValue(topic, out var cached) ? cached.Links : [];
            result.AddRange(links.OrderBy(l => l.IndustryId, StringComparer.Ordinal));
        }
        return result;
    }

    public async ValueTask<IReadOnlyList<string>> IssuersOfAsync(string industryId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(industryId);
        var rows = await QueryAsync(Neo4jStatements.IssuersOf, new JsonObject { ["industry"] = industryId }, cancellationToken).ConfigureAwait(false);
        return rows.Select(row => Text(row, 0)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    public async ValueTask<IReadOnlyList<IndustryExposure>> IndustriesForAsync(IReadOnlyList<TopicHit> hits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hits);
        if (hits.Count == 0)
        {
            return [];
        }
        var effects = await EffectsOfAsync(hits.Where(h => h.Similarity > 0).Select(h => h.TopicId).ToList(), cancellationToken).ConfigureAwait(false);
        return new TopicIndustryMap(effects).IndustriesFor(hits);
    }

    public async ValueTask<IReadOnlyList<SpilloverReach>> RelatedIssuersAsync(string issuerId, SpilloverOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issuerId);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problem() is { } problem) throw new ArgumentException(problem, nameof(options));
        if (options.IsOff) return [];
        var rows = await QueryAsync(Neo4jStatements.RelationsNear, new JsonObject { ["issuer"] = issuerId, ["hops"] = options.MaxHops }, cancellationToken)
            .ConfigureAwait(false);
        var relations = new List<IssuerRelation>(rows.Count);
        foreach (var row in rows)
        {
            var kind = IssuerRelation.ParseKind(Text(row, 2))
                ?? throw new KnowledgeGraphException($"Neo4j at {_options} holds a RELATED_TO edge of unknown kind '{Text(row, 2)}': seed it again (streamrisk graph seed)");
            relations.Add(new IssuerRelation(Text(row, 0), Text(row, 1), kind, row[3]?.GetValue<double>() ?? 0));
        }
        // The same propagation as the embedded graph, over the edges near the issuer: both backends weigh alike.
        return SpilloverPropagation.Reach(issuerId, relations, options);
    }

    private string Text(JsonArray row, int column) =>
        row[column]?.GetValue<string>() ?? throw new KnowledgeGraphException($"Neo4j at {_options} returned a null where an id was expected");

    /// <summary>Sends one statement; returns the rows of <c>data.values</c>.</summary>
    private async Task<IReadOnlyList<JsonArray>> QueryAsync(string statement, JsonObject parameters, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = JsonContent.Create(new JsonObject { ["statement"] = statement, ["parameters"] = parameters }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        // No password: a server with authentication disabled (NEO4J_AUTH=none) is sent no credentials.
        if (_options.User is not null && _options.Password is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.User}:{_options.Password}")));
        }
        Interlocked.Increment(ref _requests);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new KnowledgeGraphException($"Neo4j at {_options.Address} is unreachable ({ex.Message}): is it running, and is this its HTTP port (7474)?", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new KnowledgeGraphException($"Neo4j at {_options.Address} did not answer within {_options.Timeout.TotalSeconds:0.#} s", ex);
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            JsonNode? json = null;
            try
            {
                json = body.Length > 0 ? JsonNode.Parse(body) : null;
            }
            catch (JsonException)
            {
                // Reported below with the status.
            }
            var error = json?["errors"] is JsonArray { Count: > 0 } errors ? errors[0] : null;
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new KnowledgeGraphException(
                    $"Neo4j at {_options.Address} refused the credentials of user '{_options.User ?? "(none)"}' ({Neo4jGraphOptions.UserVariable}, {Neo4jGraphOptions.PasswordVariable}): {error?["message"]}");
            }
            if (!response.IsSuccessStatusCode || error is not null)
            {
                var what = error is not null ? $"{error["code"]}: {error["message"]}" : $"HTTP {(int)response.StatusCode} {Shorten(body)}";
                throw new KnowledgeGraphException($"Neo4j at {_options} failed: {what}");
            }
            if (json?["data"]?["values"] is not JsonArray values)
            {
                throw new KnowledgeGraphException($"Neo4j at {_options.Address} answered without data.values: is this the Query API (Neo4j 5.19 or later)? {Shorten(body)}");
            }
            return values.OfType<JsonArray>().ToList();
        }
    }

    private static string Shorten(string body) => body.Length <= 200 ? body : body[..200] + "…";

    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }
}
