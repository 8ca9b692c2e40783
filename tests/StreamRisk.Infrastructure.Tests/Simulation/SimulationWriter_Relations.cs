using StreamRisk.Core.Reference;
using StreamRisk.Core.Simulation;
using StreamRisk.Infrastructure.Reference;
using StreamRisk.Infrastructure.Simulation;
using StreamRisk.Tests.Shared;

namespace StreamRisk.Infrastructure.Tests.Simulation;

/// <summary>The simulated issuer links land next to issuers.csv, in the reference format a run with --issuers loads.</summary>
public sealed class SimulationWriter_Relations : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sr-sim-relations-" + Guid.NewGuid().ToString("N"));

    private static MarketSimulator Simulator(double relatedShare)
    {
        var reference = ReferenceDataLoader.Load(RepositoryRoot.Of("data", "reference"));
        return new MarketSimulator(new SimulationOptions(60, 1, Seed: 3, StartDay: new DateOnly(2004, 1, 1)) { RelatedShare = relatedShare },
            reference.Industries, reference.Topics, reference.TopicIndustryMatrix);
    }

    [Fact]
    public void Links_are_written_and_load_with_the_simulated_issuers()
    {
        var simulator = Simulator(0.3);
        SimulationWriter.Write(simulator, _directory);

        var loaded = ReferenceDataLoader.Load(RepositoryRoot.Of("data", "reference"), Path.Combine(_directory, "issuers.csv"));

        Assert.NotEmpty(simulator.Relations);
        Assert.Equal(simulator.Relations, loaded.IssuerRelations);
        Assert.Contains("\"related\": 0.3", File.ReadAllText(Path.Combine(_directory, "truth", "manifest.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_links_no_relation_file_is_written_and_none_is_loaded()
    {
        SimulationWriter.Write(Simulator(0), _directory);

        Assert.False(File.Exists(Path.Combine(_directory, IssuerRelationTable.FileName)));
        Assert.DoesNotContain("related", File.ReadAllText(Path.Combine(_directory, "truth", "manifest.json")), StringComparison.Ordinal);
        // The simulated issuers replace the reference ones, and so do their (absent) relations.
        Assert.Empty(ReferenceDataLoader.Load(RepositoryRoot.Of("data", "reference"), Path.Combine(_directory, "issuers.csv")).IssuerRelations);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
