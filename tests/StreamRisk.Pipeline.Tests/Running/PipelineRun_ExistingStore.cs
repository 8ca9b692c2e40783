using StreamRisk.Core.Storage;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Tests.Running;

/// <summary>Runs over a store that earlier runs wrote: they continue its history and replace none of it.</summary>
public class PipelineRun_ExistingStore
{
    private static string Reuters => Path.Combine(RepositoryPaths.Samples, "01-reuters.jsonl");
    private static string Handmade => Path.Combine(RepositoryPaths.Samples, "02-handmade.jsonl");

    [Fact]
    public async Task A_store_written_by_ingest_alone_continues_under_run_to_what_run_alone_stores()
    {
        var alone = await RunAsync(new RunOptions { Inputs = [RepositoryPaths.Samples] });
        var db = NewDatabase();
        var ingested = await PipelineRun.RunAsync(new RunOptions { Inputs = [RepositoryPaths.Samples], DatabasePath = db, IngestOnly = true }, null, CancellationToken.None);

        var then = await PipelineRun.RunAsync(new RunOptions { Inputs = [RepositoryPaths.Samples], DatabasePath = db }, null, CancellationToken.None);

        Assert.True(ingested.Store.Documents > 0);
        Assert.Equal(0, ingested.Store.DailySentiments);
        // The documents ingest stored wait in its outbox; the market data it journaled but had no stage for is resumed.
        Assert.Equal(ingested.Store.RawInputs - ingested.Counters.Inputs, then.Resumed);
        Assert.Equal(then.InputRecords, then.AlreadyStored);
        Assert.True(then.Store.DailySentiments > 0);
        await AssertSameAsync(alone, db);
    }

    [Fact]
    public async Task A_second_run_over_new_input_numbers_after_the_first_and_keeps_its_rows()
    {
        var db = NewDatabase();
        var first = await PipelineRun.RunAsync(new RunOptions { Inputs = [Handmade], DatabasePath = db }, null, CancellationToken.None);
        List<RawInput> firstInputs;
        IReadOnlyList<Core.Events.DeadLetter> firstLetters;
        await using (var store = new SqliteRiskStore(db))
        {
            firstInputs = await ReadAllAsync(store);
            firstLetters = await store.GetDeadLettersAsync();
        }

        await PipelineRun.RunAsync(new RunOptions { Inputs = [Reuters], DatabasePath = db }, null, CancellationToken.None);

        await using (var store = new SqliteRiskStore(db))
        {
            var all = await ReadAllAsync(store);
            // The first run's inputs are still there, byte for byte, and the second's come after them.
            Assert.Equal(firstInputs.Select(r => (r.Seq, r.ContentHash)), all.Take(firstInputs.Count).Select(r => (r.Seq, r.ContentHash)));
            Assert.Equal(Enumerable.Range(1, all.Count).Select(i => (long)i), all.Select(r => r.Seq));
            var letters = (await store.GetDeadLettersAsync()).ToDictionary(d => d.DeadLetterId);
            Assert.True(first.Store.DeadLetters > 0);
            Assert.All(firstLetters, d => Assert.Equal(d, letters[d.DeadLetterId]));
        }

        // Replay over the store the two runs fed gives what they produced.
        var replay = await PipelineRun.RunAsync(new RunOptions { ReplayFrom = db, DatabasePath = NewDatabase() }, null, CancellationToken.None);
        Assert.Empty(replay.ReplayMismatches!);
    }

    private static string NewDatabase() => Path.Combine(RepositoryPaths.NewTempDirectory(), "store.db");

    private static async Task<string> RunAsync(RunOptions options)
    {
        var db = NewDatabase();
        await PipelineRun.RunAsync(options with { DatabasePath = db }, null, CancellationToken.None);
        return db;
    }

    private static async Task AssertSameAsync(string expectedDb, string actualDb)
    {
        var issuers = StreamRisk.Infrastructure.Reference.ReferenceDataLoader.Load(RepositoryPaths.Reference).Issuers.Select(i => i.IssuerId).ToArray();
        await using var expected = new SqliteRiskStore(expectedDb);
        await using var actual = new SqliteRiskStore(actualDb);
        var report = StoreEquivalence.Compare(
            await StoreSnapshot.ReadAsync(expected, issuers, CancellationToken.None), await StoreSnapshot.ReadAsync(actual, issuers, CancellationToken.None));
        Assert.True(report.IsEquivalent, report.Details());
    }

    private static async Task<List<RawInput>> ReadAllAsync(IRiskStore store)
    {
        var all = new List<RawInput>();
        await foreach (var raw in store.ReadRawInputsAsync())
        {
            all.Add(raw);
        }
        return all;
    }
}
