using StreamRisk.Core.Events;
using StreamRisk.Infrastructure.Bus;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Hosting;
using StreamRisk.Pipeline.Running;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Tests.Hosting;

/// <summary>The topology table the embedded run's checkpoint relies on matches what each stage really consumes.</summary>
public class StageNames_Inputs
{
    [Fact]
    public async Task Every_stage_consumes_exactly_the_topics_the_table_names()
    {
        var reference = WorkerHost.LoadReference(null);
        await using var store = new SqliteRiskStore(Path.Combine(RepositoryPaths.NewTempDirectory(), "topology.db"));
        await store.MigrateAsync();
        await using var bus = new InMemoryEventBus();
        using var models = PipelineModels.BuiltIn(reference);
        var factory = new StageFactory(new StageContext(bus, store, TimeProvider.System, new PipelineCounters()), reference, models);

        foreach (var name in StageNames.Each)
        {
            await using var stage = await factory.BuildAsync(name, CancellationToken.None);
            Assert.Equal(StageNames.Inputs[name].Order(StringComparer.Ordinal), stage.InputTopics.Order(StringComparer.Ordinal));
        }
        // Only the pipeline's outputs have no consumer: their outbox entries can go as soon as they are published.
        Assert.Equal([Topics.RiskAlerts, Topics.DeadLetters], Topics.All.Where(t => !StageNames.ConsumersOf(t).Any()));
    }
}
