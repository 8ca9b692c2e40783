using Microsoft.Extensions.Logging.Abstractions;
using StreamRisk.Core.Events;
using StreamRisk.Infrastructure.Bus;
using StreamRisk.Infrastructure.Kafka;
using StreamRisk.Infrastructure.Reference;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Hosting;
using StreamRisk.Pipeline.Running;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Tests.Hosting;

public class RecoveringStageWorker_FreeRunning
{
    [Fact]
    public async Task Every_stage_as_a_hosted_worker_processes_the_sample_corpus_like_the_lock_step_run()
    {
        // The reference: the deterministic lock-step run.
        var lockStep = await PipelineRun.RunAsync(new RunOptions
        {
            Inputs = [RepositoryPaths.Samples],
            DatabasePath = Path.Combine(RepositoryPaths.NewTempDirectory(), "lockstep.db"),
        }, null, CancellationToken.None);

        // The same input through one free-running hosted worker per stage over the embedded bus.
        var reference = ReferenceDataLoader.Load(RepositoryPaths.Reference);
        await using var store = new SqliteRiskStore(Path.Combine(RepositoryPaths.NewTempDirectory(), "workers.db"));
        await store.MigrateAsync();
        await using var bus = new InMemoryEventBus();
        foreach (var topic in KafkaTopicCatalog.LoadEmbedded().Topics) await bus.EnsureTopicAsync(topic.ToSpec());
        var context = new StageContext(bus, store, TimeProvider.System, new PipelineCounters());
        using var models = PipelineModels.BuiltIn(reference);
        var factory = new StageFactory(context, reference, models);
        var workers = StageNames.Each
            .Select(name => new RecoveringStageWorker(name, factory.BuildAsync, NullLogger<RecoveringStageWorker>.Instance, TimeProvider.System, 64))
            .ToArray();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        foreach (var worker in workers) await worker.StartAsync(stop.Token);

        await using (var producer = bus.CreateProducer())
        {
            var feeder = new InputFeeder(producer, TimeProvider.System);
            foreach (var file in InputReader.ResolveFiles(RepositoryPaths.Samples))
            {
                foreach (var record in InputReader.Read(file)) await feeder.PublishAsync(record, CancellationToken.None);
            }
        }

        // Wait (at most two minutes) until the workers have written what the lock-step run wrote and nothing changes for
        // a second: free-running workers take their own time, so polling is the honest way to know they are done.
        var expected = (lockStep.Store.Documents, lockStep.Store.FirmSentiments, lockStep.Store.IndustrySentiments);
        var previous = (-1L, -1L, -1L, -1L);
        var stable = 0;
        while (stable < 5 && !stop.IsCancellationRequested)
        {
            await Task.Delay(200);
            var c = await store.CountAsync();
            var now = (c.Documents, c.FirmSentiments, c.IndustrySentiments, c.RiskScores);
            stable = now == previous && (now.Item1, now.Item2, now.Item3) == expected ? stable + 1 : 0;
            previous = now;
        }
        foreach (var worker in workers) await worker.StopAsync(CancellationToken.None);

        var counts = await store.CountAsync();
        Assert.Equal(lockStep.Store.Documents, counts.Documents);
        Assert.Equal(lockStep.Store.FirmSentiments, counts.FirmSentiments);
        Assert.Equal(lockStep.Store.IndustrySentiments, counts.IndustrySentiments);
        Assert.Equal(lockStep.Store.RawInputs, counts.RawInputs);
        Assert.True(counts.DailySentiments > 0 && counts.RiskScores > 0, "the aggregate and score workers produced nothing");
        var ingestLetters = (await store.GetDeadLettersAsync()).Where(d => d.Stage == IngestStage.StageName).Select(d => d.ReasonCode).Order();
        var lockStepDb = new SqliteRiskStore(lockStep.DatabasePath);
        await using (lockStepDb)
        {
            var lockStepLetters = (await lockStepDb.GetDeadLettersAsync()).Where(d => d.Stage == IngestStage.StageName).Select(d => d.ReasonCode).Order();
            Assert.Equal(lockStepLetters, ingestLetters);
        }
    }
}
