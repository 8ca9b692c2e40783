using StreamRisk.Core.Indexing;

namespace StreamRisk.Core.Tests.Indexing;

/// <summary>Smoothers shared by the tests: building one precomputes its filters.</summary>
internal static class SmootherFixture
{
    public static readonly CausalWaveletSmoother Default = new();

    public static readonly CausalWaveletSmoother Small = new(level: 3, window: 16);
}
