using StreamRisk.Core.Events;
using StreamRisk.Core.Storage;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Hosting;
using StreamRisk.Pipeline.Running;
using StreamRisk.Pipeline.Stages;
using StreamRisk.Pipeline.Tests.Stages;

namespace StreamRisk.Pipeline.Tests.Hosting;

/// <summary>
/// A worker restarted over a store rebuilds its state from it without writing anything a complete run already holds.
/// </summary>
public class StageFactory_Restart
{
    private static async Task<(string Db, IReadOnlyList<string> Issuers)> CompleteRunAsync()
    {
        var db = Path.Combine(RepositoryPaths.NewTempDirectory(), "full.db");
        await PipelineRun.RunAsync(new RunOptions { Inputs = [RepositoryPaths.Samples], DatabasePath = db }, null, CancellationToken.None);
        await using var store = new SqliteRiskStore(db);
        // Aggregated issuers include any the firm rows name (e.g. the daily index of an issuer added by an alias file).
        var issuers = (await store.GetFirmSentimentsAsync()).Select(f => f.IssuerId)
            .Concat(WorkerHost.LoadReference(null).Issuers.Select(i => i.IssuerId)).Distinct(StringComparer.Ordinal).ToList();
        return (db, issuers);
    }

    private static async Task<Dictionary<(string, DateOnly), DailySentiment>> DailyAsync(IRiskStore store, IReadOnlyList<string> issuers)
    {
        var all = new Dictionary<(string, DateOnly), DailySentiment>();
        foreach (var issuer in issuers)
        {
            foreach (var d in await store.GetDailySentimentAsync(issuer)) all[(d.IssuerId, d.Day)] = d;
        }
        return all;
    }

    [Fact]
    public async Task The_score_and_alert_stages_restart_with_the_stored_history_and_add_only_missing_alerts()
    {
        var (db, _) = await CompleteRunAsync();
        await using var store = new SqliteRiskStore(db);
        var before = await store.GetAlertsAsync();
        await using var harness = await StageHarness.CreateAsync();
        var context = harness.Context with { Store = store };
        var reference = WorkerHost.LoadReference(null);
        var factory = new StageFactory(context, reference, PipelineModels.BuiltIn(reference));

        await using var alert = await factory.BuildAsync(AlertStage.StageName, CancellationToken.None);
        await using var score = await factory.BuildAsync(ScoreStage.StageName, CancellationToken.None);

        Assert.Equal(before.Select(a => a.AlertId), (await store.GetAlertsAsync()).Select(a => a.AlertId));
        Assert.Empty(await harness.ReadAsync<RiskAlert>(Topics.RiskAlerts));
    }

    [Fact]
    public async Task The_aggregate_stage_restarts_over_a_run_with_spill_over_and_writes_no_corrections()
    {
        var directory = RepositoryPaths.NewTempDirectory();
        var db = Path.Combine(directory, "full.db");
        await PipelineRun.RunAsync(new RunOptions { Inputs = [RepositoryPaths.Samples], DatabasePath = db, OutDirectory = Path.Combine(directory, "out") },
            null, CancellationToken.None);
        // The sample texts name related issuers of the bundled issuer_relations.csv, so spill-over was at work.
        Assert.Contains(File.ReadLines(Path.Combine(directory, "out", Topics.DailySentiment + ".jsonl")), l => l.Contains("\"spillover\":", StringComparison.Ordinal));
        var reference = WorkerHost.LoadReference(null);
        var issuers = reference.Issuers.Select(i => i.IssuerId).ToList();
        await using var store = new SqliteRiskStore(db);
        var before = await DailyAsync(store, issuers);
        await using var harness = await StageHarness.CreateAsync();
        var factory = new StageFactory(harness.Context with { Store = store }, reference, PipelineModels.BuiltIn(reference));

        await using var aggregate = await factory.BuildAsync(AggregateStage.StageName, CancellationToken.None);

        var after = await DailyAsync(store, issuers);
        Assert.Equal(before.Count, after.Count);
        Assert.All(before, pair => Assert.Equal(pair.Value.Revision, after[pair.Key].Revision));
        Assert.Empty(await harness.ReadAsync<DailySentiment>(Topics.DailySentiment));
    }

    [Fact]
    public async Task An_unknown_stage_name_lists_the_stages()
    {
        await using var harness = await StageHarness.CreateAsync();
        var reference = WorkerHost.LoadReference(null);
        var factory = new StageFactory(harness.Context, reference, PipelineModels.BuiltIn(reference));
        var ex = await Assert.ThrowsAsync<ConfigurationException>(() => factory.BuildAsync("nope", CancellationToken.None));
        Assert.Contains(AggregateStage.StageName, ex.Message, StringComparison.Ordinal);
    }
}
