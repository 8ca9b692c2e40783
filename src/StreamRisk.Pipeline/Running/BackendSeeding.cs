using StreamRisk.Core.Graph;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Topics;
using StreamRisk.Infrastructure.Graph;
using StreamRisk.Infrastructure.Qdrant;
using StreamRisk.Nlp.Manifests;
using StreamRisk.Nlp.Runtime;

namespace StreamRisk.Pipeline.Running;

/// <summary>
/// The one-shot seeding behind <c>streamrisk index seed</c> and <c>streamrisk graph seed</c>: the topic vectors into
/// Qdrant (the collection of the embedder the pipeline will use, created when missing), and the reference data into
/// Neo4j. Both are idempotent: running them again leaves the same points and the same graph.
/// </summary>
public static class BackendSeeding
{
    /// <summary>Seeds the topic vectors into Qdrant, and beside them the industry definitions and issuer descriptions
    /// (<see cref="DescriptionVectors"/>); returns the collection, how many topic vectors were upserted and are held, and
    /// how many definitions and descriptions were upserted.</summary>
    public static async Task<(string Collection, int Seeded, long Held, int Descriptions)> SeedIndexAsync(ReferenceData reference, ModelOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var backends = RetrievalBackends.From(options with { VectorIndex = "qdrant" });
        var disposables = new List<IDisposable>();
        try
        {
            ITextEmbedder embedder;
            try
            {
                embedder = PipelineModels.CreateTopicEmbedder(reference, options, PipelineModels.RuntimeOptions(options), disposables).Embedder;
            }
            catch (Exception ex) when (ex is ModelManifestException or ExecutionProviderUnavailableException or FileNotFoundException)
            {
                throw new ConfigurationException(ex.Message, ex);
            }
            using var index = await QdrantVectorIndex.OpenAsync(backends.Qdrant!, embedder.ModelId, embedder.Dimension, createIfMissing: true, cancellationToken)
                .ConfigureAwait(false);
            var seeded = await TopicRetriever.SeedAsync(reference.Topics, embedder, index, cancellationToken).ConfigureAwait(false);
            var descriptions = DescriptionVectors.For(reference, embedder);
            await index.UpsertAsync(descriptions, cancellationToken).ConfigureAwait(false);
            return (index.Collection, seeded, await index.CountAsync(IndexedText.TopicKind, cancellationToken: cancellationToken).ConfigureAwait(false),
                descriptions.Count);
        }
        catch (VectorIndexException ex)
        {
            throw new ConfigurationException(ex.Message, ex);
        }
        finally
        {
            foreach (var d in disposables) d.Dispose();
        }
    }

    /// <summary>Seeds Topic, Industry and Issuer nodes with their AFFECTS and BELONGS_TO edges into Neo4j.</summary>
    public static async Task<KnowledgeGraphSeed> SeedGraphAsync(ReferenceData reference, ModelOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var backends = RetrievalBackends.From(options with { Graph = "neo4j" });
        var seed = KnowledgeGraphSeed.From(reference);
        using var graph = new Neo4jKnowledgeGraph(backends.Neo4j!);
        try
        {
            await graph.SeedAsync(seed, cancellationToken).ConfigureAwait(false);
        }
        catch (KnowledgeGraphException ex)
        {
            throw new ConfigurationException(ex.Message, ex);
        }
        return seed;
    }
}
