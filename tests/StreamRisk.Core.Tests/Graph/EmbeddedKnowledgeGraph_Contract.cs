using StreamRisk.Core.Graph;
using StreamRisk.Core.Reference;
using StreamRisk.Tests.Shared.Graph;

namespace StreamRisk.Core.Tests.Graph;

/// <summary>The knowledge-graph contract against the embedded in-memory graph.</summary>
public class EmbeddedKnowledgeGraph_Contract : KnowledgeGraphContract
{
    protected override Task<IKnowledgeGraph> CreateAsync(KnowledgeGraphSeed seed) =>
        Task.FromResult<IKnowledgeGraph>(new EmbeddedKnowledgeGraph(seed.Affects, seed.Issuers, seed.Relations));
}
