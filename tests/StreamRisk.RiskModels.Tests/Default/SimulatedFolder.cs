using StreamRisk.Core.Reference;
using StreamRisk.Core.Simulation;
using StreamRisk.Infrastructure.Simulation;

namespace StreamRisk.RiskModels.Tests.Default;

/// <summary>One small simulated market written by the real <see cref="SimulationWriter"/> (150 issuers × 6 years, many
/// failures), shared by the tests that read a folder.</summary>
public sealed class SimulatedFolder : IDisposable
{
    public SimulatedFolder()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("streamrisk-default-").FullName;
        var options = new SimulationOptions(150, 6, 21, new DateOnly(2001, 1, 1), NewsPerIssuerPerYear: 1, ExtendedShare: 0.15, DefaultedShare: 0.15);
        Industry[] industries = [new("banks", "Banks", "Financials"), new("airlines", "Airlines", "Industrials"), new("retail", "Retailers", "Consumer")];
        Topic[] topics = [new("oil", "world economy", "Oil price spike", "Oil up.")];
        SimulationWriter.Write(new MarketSimulator(options, industries, topics), Directory);
    }

    public string Directory { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class SimulatedFolderCollection : ICollectionFixture<SimulatedFolder>
{
    public const string Name = "simulated default market";
}
