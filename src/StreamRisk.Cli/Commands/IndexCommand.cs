using System.CommandLine;
using StreamRisk.Core.Topics;
using StreamRisk.Pipeline.Hosting;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary><c>streamrisk index seed</c>: embeds the reference topics and upserts them into Qdrant (idempotent).</summary>
internal static class IndexCommand
{
    public static Command Create()
    {
        var reference = CommonOptions.Reference();
        var qdrant = RetrievalCommandOptions.QdrantOption();
        var embedding = new Option<string?>("--embedding-model")
        {
            Description = "Manifest of the ONNX sentence-embedding model the pipeline will retrieve with (run --embedding-model). Default: built-in hashed TF-IDF.",
        };
        var seed = new Command("seed",
            "Embed every reference topic (name + definition) and upsert it into Qdrant's collection for the embedder (created with its dimension and cosine "
            + "distance when missing). Idempotent: the same topics give the same points. Run it before run/replay/worker --vector-index qdrant.")
        {
            reference, qdrant, embedding,
        };
        seed.SetAction((result, cancellationToken) => CommandErrors.GuardAsync("index seed", async () =>
        {
            var options = new ModelOptions { QdrantUrl = result.GetValue(qdrant), EmbeddingModel = result.GetValue(embedding) };
            // Parsed before the reference data is read or the server is contacted.
            var backends = RetrievalBackends.From(options with { VectorIndex = "qdrant" });
            var data = WorkerHost.LoadReference(result.GetValue(reference));
            var (collection, seeded, held, descriptions) = await BackendSeeding.SeedIndexAsync(data, options, cancellationToken);
            Console.WriteLine($"qdrant {backends.Qdrant!.Address}: collection {collection}: {seeded} topic vectors upserted, {held} held; "
                + $"{descriptions} industry definitions and issuer descriptions upserted beside them (kinds {IndexedText.IndustryKind}, {IndexedText.IssuerKind})");
            return 0;
        }));
        return new Command("index", "Vector index administration (Qdrant).") { seed };
    }
}
