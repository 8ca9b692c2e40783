using Microsoft.Extensions.Logging.Abstractions;
using StreamRisk.Core.Access;
using StreamRisk.Core.Subscriptions;
using StreamRisk.Infrastructure.Reference;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Notifications;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Tests.Running;

/// <summary>A run that follows its inputs as they grow (<c>live</c>): it takes in what arrives, waits for lines that are
/// still being written, and, with the feed's observer, puts each team's alerts in its feed step by step.</summary>
public sealed class PipelineRun_Follow
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    private static string CopySamples()
    {
        var folder = RepositoryPaths.NewTempDirectory();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Samples, "*.jsonl"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
        return folder;
    }

    private static async Task<long> RawInputsAsync(string db)
    {
        if (!File.Exists(db)) return 0;
        await using var store = new SqliteRiskStore(db, mustExist: true);
        return (await store.CountAsync()).RawInputs;
    }

    /// <summary>Waits until the store holds <paramref name="inputs"/> raw inputs and the run has gone quiet.</summary>
    private static async Task WaitForAsync(string db, long inputs, Task run)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (await RawInputsAsync(db) < inputs)
        {
            Assert.False(run.IsCompleted, "the following run ended by itself: " + run.Exception);
            Assert.True(DateTime.UtcNow < deadline, $"the run did not take in {inputs} inputs in 2 minutes");
            await Task.Delay(Poll);
        }
        await Task.Delay(Poll * 6); // the step that finishes the last chunk
    }

    [Fact]
    public async Task Following_a_folder_that_holds_the_input_stores_what_a_batch_run_stores()
    {
        var folder = CopySamples();
        var batchDb = Path.Combine(RepositoryPaths.NewTempDirectory(), "batch.db");
        var batch = await PipelineRun.RunAsync(new RunOptions { Inputs = [folder], DatabasePath = batchDb }, null, CancellationToken.None);
        var followDb = Path.Combine(RepositoryPaths.NewTempDirectory(), "follow.db");
        using var stop = new CancellationTokenSource();

        var run = PipelineRun.RunAsync(new RunOptions { Inputs = [folder], DatabasePath = followDb, Follow = new FollowOptions(Poll, stop.Token) },
            null, CancellationToken.None);
        await WaitForAsync(followDb, batch.Store.RawInputs, run);
        await stop.CancelAsync();
        var followed = await run;

        Assert.Equal(batch.Store, followed.Store);
        await AssertSameStoreAsync(batchDb, followDb);
    }

    [Fact]
    public async Task Lines_appended_later_are_taken_in_and_a_half_written_line_waits_for_its_newline()
    {
        var folder = RepositoryPaths.NewTempDirectory();
        var news = Path.Combine(folder, "news.jsonl");
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Samples, "01-reuters.jsonl"));
        await File.WriteAllLinesAsync(news, lines[..10]);
        var db = Path.Combine(RepositoryPaths.NewTempDirectory(), "store.db");
        using var stop = new CancellationTokenSource();

        var run = PipelineRun.RunAsync(new RunOptions { Inputs = [folder], DatabasePath = db, Follow = new FollowOptions(Poll, stop.Token) },
            null, CancellationToken.None);
        await WaitForAsync(db, 10, run);
        var line = lines[10];
        await File.AppendAllTextAsync(news, line[..(line.Length / 2)]);
        await Task.Delay(Poll * 6);
        Assert.Equal(10, await RawInputsAsync(db));
        await File.AppendAllTextAsync(news, line[(line.Length / 2)..] + "\n" + string.Join("\n", lines[11..20]) + "\n");
        await WaitForAsync(db, 20, run);
        await stop.CancelAsync();
        var summary = await run;

        Assert.Equal(20, summary.InputRecords);
        Assert.Equal(0, summary.Store.DeadLetters);
        Assert.Equal(20, summary.Store.Documents);
    }

    [Fact]
    public async Task With_the_feed_observer_every_alert_reaches_a_subscribed_team()
    {
        var folder = CopySamples();
        var db = Path.Combine(RepositoryPaths.NewTempDirectory(), "store.db");
        await using (var teams = new SqliteTeamStore(db))
        {
            await teams.MigrateAsync();
            await teams.AddTeamAsync(new Team("desk", "Desk", DateTimeOffset.UtcNow));
        }
        await using var subscriptions = new SqliteSubscriptionStore(db);
        await subscriptions.AddSubscriptionAsync(new Subscription("all-alerts", "desk", "all alerts",
            SubscriptionFilter.Everything with { Kinds = [SubscriptionKind.Alert] }, null, null, DateTimeOffset.UtcNow));
        var reference = ReferenceDataLoader.Load(RepositoryPaths.Reference);
        await using var observer = new FeedObserver(subscriptions, new FeedFanout(reference), new FeedSignal(), TimeProvider.System, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var expected = (await PipelineRun.RunAsync(new RunOptions { Inputs = [folder] }, null, CancellationToken.None)).Store.RawInputs;

        var run = PipelineRun.RunAsync(new RunOptions { Inputs = [folder], DatabasePath = db, Follow = new FollowOptions(Poll, stop.Token), Observer = observer },
            null, CancellationToken.None);
        await WaitForAsync(db, expected, run);
        await stop.CancelAsync();
        await run;

        await using var store = new SqliteRiskStore(db);
        var alerts = await store.GetAlertsAsync();
        var feed = await subscriptions.ReadFeedAsync("desk", 0, 10_000);
        Assert.NotEmpty(alerts);
        Assert.Equal(alerts.Select(a => a.EventId).Order(StringComparer.Ordinal),
            feed.Select(e => e.Item.EventId).Where(id => alerts.Any(a => a.EventId == id)).Distinct().Order(StringComparer.Ordinal));
        Assert.All(feed, e => Assert.Equal(SubscriptionKind.Alert, e.Item.Kind));
        Assert.Equal(feed.Count, observer.Appended);
    }

    private static async Task AssertSameStoreAsync(string expectedDb, string actualDb)
    {
        var issuers = ReferenceDataLoader.Load(RepositoryPaths.Reference).Issuers.Select(i => i.IssuerId).ToArray();
        await using var expected = new SqliteRiskStore(expectedDb);
        await using var actual = new SqliteRiskStore(actualDb);
        var report = StoreEquivalence.Compare(
            await StoreSnapshot.ReadAsync(expected, issuers, CancellationToken.None), await StoreSnapshot.ReadAsync(actual, issuers, CancellationToken.None));
        Assert.True(report.IsEquivalent, report.Details());
    }
}
