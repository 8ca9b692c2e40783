using StreamRisk.Pipeline.Evaluation;

namespace StreamRisk.Pipeline.Tests.Evaluation;

/// <summary>Simulates a small market (30 issuers, one year, fixed seed) and evaluates the pipeline on it, once for all tests that read the result.</summary>
public sealed class SimulatedEvaluationFixture : IAsyncLifetime
{
    public string SimulationDirectory { get; } = RepositoryPaths.NewTempDirectory();
    public SimulationRunSummary Simulation { get; private set; } = null!;
    public EvaluationResult Evaluation { get; private set; } = null!;
    public List<SimulationProgress> Progress { get; } = [];

    public async Task InitializeAsync()
    {
        Simulation = await MarketSimulationRun.RunAsync(
            new SimulateOptions { Issuers = 30, Years = 1, Seed = 11, OutDirectory = SimulationDirectory, ReferenceDirectory = RepositoryPaths.Reference },
            new SynchronousProgress<SimulationProgress>(Progress.Add), TimeProvider.System, CancellationToken.None);
        Evaluation = await SimulationEvaluation.RunAsync(
            new EvaluationOptions { SimulationDirectory = SimulationDirectory, ReferenceDirectory = RepositoryPaths.Reference }, null, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(SimulationDirectory, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Reports on the caller's thread: <see cref="Progress{T}"/> posts to the thread pool, too late for an assertion.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}

[CollectionDefinition(Name)]
public sealed class SimulatedEvaluationCollection : ICollectionFixture<SimulatedEvaluationFixture>
{
    public const string Name = "simulated evaluation";
}
