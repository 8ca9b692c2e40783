namespace StreamRisk.Infrastructure.Graph;

/// <summary>
/// Every Cypher statement the Neo4j adapter sends. All values travel as parameters, never spliced into the text
/// (no injection, and Neo4j caches one plan per statement). Seeding is MERGE-only, so running it twice leaves the
/// same graph; the prune statements remove edges the reference data no longer has.
/// </summary>
public static class Neo4jStatements
{
    public static readonly IReadOnlyList<string> Constraints =
    [
        "CREATE CONSTRAINT streamrisk_topic_id IF NOT EXISTS FOR (n:Topic) REQUIRE n.id IS UNIQUE",
        "CREATE CONSTRAINT streamrisk_industry_id IF NOT EXISTS FOR (n:Industry) REQUIRE n.id IS UNIQUE",
        "CREATE CONSTRAINT streamrisk_issuer_id IF NOT EXISTS FOR (n:Issuer) REQUIRE n.id IS UNIQUE",
    ];

    public const string MergeIndustries = "UNWIND $rows AS row MERGE (n:Industry {id: row.id}) SET n.name = row.name, n.sector = row.sector";

    public const string MergeTopics = "UNWIND $rows AS row MERGE (n:Topic {id: row.id}) SET n.name = row.name, n.category = row.category";

    public const string MergeIssuers = "UNWIND $rows AS row MERGE (n:Issuer {id: row.id}) SET n.name = row.name";

    public const string MergeAffects =
        "UNWIND $rows AS row MATCH (t:Topic {id: row.topic}) MATCH (i:Industry {id: row.industry}) MERGE (t)-[a:AFFECTS]->(i) SET a.weight = row.weight";

    /// <summary>One BELONGS_TO edge per (issuer, industry): <c>placed_by</c> says whether issuers.csv listed the industry
    /// (<c>industry_codes</c>) or the issuer's description placed it there (<c>description</c>, with <c>similarity</c>;
    /// a null similarity removes the property, so a re-seed after codes were added leaves none behind).</summary>
    public const string MergeBelongsTo =
        "UNWIND $rows AS row MATCH (s:Issuer {id: row.issuer}) MATCH (i:Industry {id: row.industry}) MERGE (s)-[b:BELONGS_TO]->(i) "
        + "SET b.placed_by = row.placed_by, b.similarity = row.similarity";

    /// <summary>Parameter <c>$keep</c>: the "topic|industry" keys of the links to keep.</summary>
    public const string PruneAffects = "MATCH (t:Topic)-[a:AFFECTS]->(i:Industry) WHERE NOT (t.id + '|' + i.id) IN $keep DELETE a";

    /// <summary>Parameter <c>$keep</c>: the "issuer|industry" keys of the memberships to keep.</summary>
    public const string PruneBelongsTo = "MATCH (s:Issuer)-[b:BELONGS_TO]->(i:Industry) WHERE NOT (s.id + '|' + i.id) IN $keep DELETE b";

    /// <summary>One RELATED_TO edge per (from, to, kind); the weight is a property, so a changed weight is an update.</summary>
    public const string MergeRelations =
        "UNWIND $rows AS row MATCH (a:Issuer {id: row.from}) MATCH (b:Issuer {id: row.to}) MERGE (a)-[r:RELATED_TO {kind: row.kind}]->(b) SET r.weight = row.weight";

    /// <summary>Parameter <c>$keep</c>: the "from|to|kind" keys of the relations to keep.</summary>
    public const string PruneRelations = "MATCH (a:Issuer)-[r:RELATED_TO]->(b:Issuer) WHERE NOT (a.id + '|' + b.id + '|' + r.kind) IN $keep DELETE r";

    /// <summary>
    /// Every RELATED_TO edge on a path of at most <c>$hops</c> relations (either direction) from <c>$issuer</c>: exactly
    /// the edges spill-over within that many hops can use, so propagating over them in process gives the answer the
    /// whole graph would. A variable-length bound cannot be a parameter in Cypher, hence the literal upper bound
    /// (<see cref="Core.Graph.SpilloverOptions.HopsLimit"/>) and the <c>length(p)</c> filter.
    /// </summary>
    public const string RelationsNear =
        "MATCH p = (s:Issuer {id: $issuer})-[:RELATED_TO*1..4]-(:Issuer) WHERE length(p) <= $hops UNWIND relationships(p) AS r WITH DISTINCT r "
        + "RETURN startNode(r).id AS from, endNode(r).id AS to, r.kind AS kind, r.weight AS weight ORDER BY from, to, kind";

    public const string CountTopics = "MATCH (t:Topic) RETURN count(t) AS topics";

    public const string EffectsOf =
        "MATCH (t:Topic)-[a:AFFECTS]->(i:Industry) WHERE t.id IN $topics AND a.weight <> 0 RETURN t.id AS topic, i.id AS industry, a.weight AS weight ORDER BY topic, industry";

    public const string IssuersOf = "MATCH (s:Issuer)-[:BELONGS_TO]->(i:Industry {id: $industry}) RETURN s.id AS issuer ORDER BY issuer";
}
