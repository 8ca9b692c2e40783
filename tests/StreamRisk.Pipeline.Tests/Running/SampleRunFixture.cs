using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Tests.Running;

/// <summary>Runs the bundled sample corpus twice (two fresh stores) once for all tests that read the results.</summary>
public sealed class SampleRunFixture : IAsyncLifetime
{
    public string FirstOut { get; } = RepositoryPaths.NewTempDirectory();
    public string SecondOut { get; } = RepositoryPaths.NewTempDirectory();
    public RunSummary First { get; private set; } = null!;
    public RunSummary Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        First = await PipelineRun.RunAsync(new RunOptions { Inputs = [RepositoryPaths.Samples], OutDirectory = FirstOut }, null, CancellationToken.None);
        Second = await PipelineRun.RunAsync(new RunOptions { Inputs = [RepositoryPaths.Samples], OutDirectory = SecondOut }, null, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class SampleRunCollection : ICollectionFixture<SampleRunFixture>
{
    public const string Name = "sample run";
}
