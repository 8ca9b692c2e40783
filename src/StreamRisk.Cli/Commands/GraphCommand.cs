using System.CommandLine;
using System.Globalization;
using StreamRisk.Core.Graph;
using StreamRisk.Pipeline.Hosting;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary><c>streamrisk graph seed</c>: writes the reference data into Neo4j as Topic, Industry and Issuer nodes (idempotent).</summary>
internal static class GraphCommand
{
    public static Command Create()
    {
        var reference = CommonOptions.Reference();
        var placementThreshold = CommonOptions.PlacementThreshold();
        var neo4j = RetrievalCommandOptions.Neo4jOption();
        var embedding = new Option<string?>("--embedding-model")
        {
            Description = "Manifest of the ONNX sentence-embedding model that places issuers listed without industries by their description "
                + $"(the one run/replay --embedding-model use; its default threshold is {IssuerPlacementOptions.DenseEmbeddingThreshold.ToString(CultureInfo.InvariantCulture)}). "
                + "Default: built-in hashed TF-IDF.",
        };
        var seed = new Command("seed",
            "MERGE the reference topics, industries and issuers into Neo4j with Topic-[AFFECTS {weight}]->Industry and Issuer-[BELONGS_TO {placed_by, similarity}]->Industry "
            + "(parameterised Cypher over the HTTP Query API), and delete edges the reference data no longer has. Idempotent. Run it before "
            + "run/replay/worker --graph neo4j.")
        {
            reference, placementThreshold, neo4j, embedding,
        };
        seed.SetAction((result, cancellationToken) => CommandErrors.GuardAsync("graph seed", async () =>
        {
            var options = new ModelOptions { Neo4jUrl = result.GetValue(neo4j), EmbeddingModel = result.GetValue(embedding) };
            var backends = RetrievalBackends.From(options with { Graph = "neo4j" });
            // The workers place issuers with the same model, so the graph's BELONGS_TO edges match their memberships.
            using var embeddingModel = PipelineModels.LoadEmbeddingModel(options);
            var data = WorkerHost.LoadReference(result.GetValue(reference), result.GetValue(placementThreshold), embeddingModel);
            var seeded = await BackendSeeding.SeedGraphAsync(data, options, cancellationToken);
            Console.WriteLine($"neo4j {backends.Neo4j}: {seeded.Topics.Count} topics, {seeded.Industries.Count} industries, {seeded.Issuers.Count} issuers, "
                + $"{seeded.Affects.Count} AFFECTS, {seeded.BelongsTo.Count} BELONGS_TO, {seeded.Relations.Count} RELATED_TO");
            PlacementLines.Write(data);
            return 0;
        }));
        return new Command("graph", "Knowledge graph administration (Neo4j).") { seed };
    }
}
