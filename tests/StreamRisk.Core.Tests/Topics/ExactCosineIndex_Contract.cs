using StreamRisk.Core.Topics;
using StreamRisk.Tests.Shared.Topics;

namespace StreamRisk.Core.Tests.Topics;

/// <summary>The vector-index contract against the embedded exact index.</summary>
public class ExactCosineIndex_Contract : VectorIndexContract
{
    protected override Task<IVectorIndex> CreateAsync(int dimension) => Task.FromResult<IVectorIndex>(new ExactCosineIndex(dimension));
}
