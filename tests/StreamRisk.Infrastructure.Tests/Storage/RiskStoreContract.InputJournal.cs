using StreamRisk.Core.Events;
using StreamRisk.Core.Storage;

namespace StreamRisk.Infrastructure.Tests.Storage;

/// <summary>The input journal, input checkpoints and whole-outbox deletion: what a cut-short embedded run resumes from.</summary>
public abstract partial class RiskStoreContract
{
    private static RawInput Fresh(string topic, string key, params byte[] value) => new(0, topic, key, value);

    [Fact]
    public async Task The_journal_numbers_new_inputs_after_the_highest_stored_seq_and_skips_ones_it_holds()
    {
        await Store.UpsertAsync(new StoreBatch { RawInputs = [Raw(7, [7])] });

        var first = await Store.AppendRawInputsAsync([Fresh(Topics.NewsRaw, "a", 1), Fresh(Topics.Spreads, "b", 2), Fresh(Topics.NewsRaw, "a", 1)]);
        var second = await Store.AppendRawInputsAsync([Fresh(Topics.Spreads, "b", 2), Fresh(Topics.NewsRaw, "c", 3)]);

        // The same topic, key and bytes twice is one input, in one batch or across two.
        Assert.Equal([(8L, "a"), (9L, "b")], first.Select(r => (r.Seq, r.Key)));
        Assert.Equal([(10L, "c")], second.Select(r => (r.Seq, r.Key)));
        Assert.Equal([7L, 8, 9, 10], (await ReadRawInputsAsync()).Select(r => r.Seq));
    }

    [Fact]
    public async Task The_same_bytes_under_another_key_or_topic_are_another_input()
    {
        var appended = await Store.AppendRawInputsAsync([Fresh(Topics.NewsRaw, "a", 1), Fresh(Topics.NewsRaw, "b", 1), Fresh(Topics.Spreads, "a", 1)]);

        Assert.Equal([1L, 2, 3], appended.Select(r => r.Seq));
    }

    [Fact]
    public async Task An_input_with_its_own_seq_keeps_it_and_never_replaces_a_stored_one()
    {
        await Store.AppendRawInputsAsync([new RawInput(5, Topics.NewsRaw, "a", [1])]);

        var appended = await Store.AppendRawInputsAsync([new RawInput(5, Topics.NewsRaw, "z", [9]), new RawInput(6, Topics.NewsRaw, "b", [2])]);
        // A stage storing an input it consumed (the worker path) never replaces the journal's bytes either.
        await Store.UpsertAsync(new StoreBatch { RawInputs = [new RawInput(6, Topics.NewsRaw, "other", [0xee])] });

        Assert.Equal([6L], appended.Select(r => r.Seq));
        var stored = await ReadRawInputsAsync();
        Assert.Equal([(5L, "a", (byte)1), (6L, "b", (byte)2)], stored.Select(r => (r.Seq, r.Key, r.Value[0])));
    }

    [Fact]
    public async Task Unfinished_inputs_are_those_after_their_topic_s_checkpoint_in_seq_order()
    {
        await Store.AppendRawInputsAsync([
            Fresh(Topics.NewsRaw, "n1", 1), Fresh(Topics.Spreads, "s1", 2), Fresh(Topics.NewsRaw, "n2", 3), Fresh(Topics.Fundamentals, "f1", 4),
            Fresh(Topics.NewsRaw, "n3", 5),
        ]);
        await Store.UpsertAsync(new StoreBatch { InputCheckpoints = [new(Topics.NewsRaw, 3), new(Topics.Spreads, 2)] });
        // A checkpoint never moves back.
        await Store.UpsertAsync(new StoreBatch { InputCheckpoints = [new(Topics.NewsRaw, 1)] });

        Assert.Equal([5L], await Unfinished(Topics.NewsRaw));
        Assert.Equal([4L, 5], await Unfinished(Topics.NewsRaw, Topics.Spreads, Topics.Fundamentals));
        Assert.Empty(await Unfinished(Topics.Spreads));
    }

    [Fact]
    public async Task A_drained_outbox_loses_all_its_entries_and_no_other()
    {
        OutboxMessage Event(string stage, string topic, string id) => new(stage, topic, "k", id, [1], new Dictionary<string, string>());
        await Store.UpsertAsync(new StoreBatch
        {
            Outbox = [Event("ingest", Topics.Docs, "evt00001"), Event("ingest", Topics.DeadLetters, "evt00002"), Event("ingest", Topics.Docs, "evt00003"),
                Event("enrich", Topics.Docs, "evt00004")],
        });

        await Store.UpsertAsync(new StoreBatch { OutboxDrained = [new("ingest", Topics.Docs)] });

        Assert.Equal(["evt00002"], (await Store.GetOutboxAsync("ingest")).Select(o => o.EventId));
        Assert.Equal(["evt00004"], (await Store.GetOutboxAsync("enrich")).Select(o => o.EventId));
    }

    [Fact]
    public async Task Unfinished_documents_are_those_after_the_docs_checkpoint_in_ingest_order()
    {
        NewsDocument Doc(string id, long seq) => new(id, "wire", T0, null, "body " + id, "en", "hash-" + id, seq, D0);
        await Store.UpsertAsync(new StoreBatch { Documents = [Doc("doc-c", 3), Doc("doc-a", 1), Doc("doc-b", 2)] });

        var before = new List<string>();
        await foreach (var d in Store.ReadUnfinishedDocumentsAsync()) before.Add(d.DocId);
        await Store.UpsertAsync(new StoreBatch { InputCheckpoints = [new(Topics.Docs, 2)] });
        var after = new List<NewsDocument>();
        await foreach (var d in Store.ReadUnfinishedDocumentsAsync()) after.Add(d);

        Assert.Equal(["doc-a", "doc-b", "doc-c"], before);
        Assert.Equal(Doc("doc-c", 3), Assert.Single(after));
    }

    private async Task<List<long>> Unfinished(params string[] topics)
    {
        var seqs = new List<long>();
        await foreach (var raw in Store.ReadUnfinishedRawInputsAsync(topics))
        {
            seqs.Add(raw.Seq);
        }
        return seqs;
    }
}
