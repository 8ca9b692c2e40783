using StreamRisk.Core.Events;
using StreamRisk.Core.Storage;

namespace StreamRisk.Infrastructure.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IRiskStore"/> must show: SQLite and PostgreSQL subclass this and run the same cases.
/// Each case gets a fresh, empty store from <see cref="CreateStoreAsync"/> and migrates it first.
/// Text keys in the cases are lower-case ASCII of one length, so binary and locale collations order them alike.
/// </summary>
public abstract partial class RiskStoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2024, 3, 1, 9, 30, 15, 123, TimeSpan.Zero);
    protected static readonly DateOnly D0 = new(2024, 3, 1);

    protected IRiskStore Store { get; private set; } = null!;

    /// <summary>A new store with nothing in it, not yet migrated.</summary>
    protected abstract Task<IRiskStore> CreateStoreAsync();

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await Store.MigrateAsync();
    }

    public virtual async Task DisposeAsync() => await Store.DisposeAsync();

    [Fact]
    public async Task A_new_store_is_empty()
    {
        Assert.Equal(new StoreCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), await Store.CountAsync());
        Assert.Empty(await Store.GetAlertsAsync());
        Assert.Empty(await Store.GetDeadLettersAsync());
        Assert.Empty(await Store.GetDailySentimentAsync("iss001"));
        Assert.Empty(await Store.GetRiskScoresAsync("iss001"));
        Assert.Empty(await ReadRawInputsAsync());
    }

    [Fact]
    public async Task Migrate_is_safe_to_call_again_and_keeps_the_data()
    {
        await Store.UpsertAsync(FullBatch());
        var before = await Store.CountAsync();

        await Store.MigrateAsync();
        await Store.MigrateAsync();

        Assert.Equal(before, await Store.CountAsync());
    }

    [Fact]
    public async Task An_empty_batch_writes_nothing()
    {
        await Store.UpsertAsync(new StoreBatch());

        Assert.Equal(new StoreCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), await Store.CountAsync());
    }

    [Fact]
    public async Task CountAsync_counts_each_record_type()
    {
        await Store.UpsertAsync(FullBatch());

        Assert.Equal(new StoreCounts(3, 2, 3, 2, 3, 2, 3, 3, 2, 2), await Store.CountAsync());
    }

    [Fact]
    public async Task Upserting_the_same_batch_twice_leaves_the_same_rows()
    {
        var batch = FullBatch();
        await Store.UpsertAsync(batch);
        var once = await SnapshotAsync();

        await Store.UpsertAsync(batch);

        Assert.Equal(once, await SnapshotAsync());
    }

    [Fact]
    public async Task Raw_inputs_come_back_in_seq_order_with_their_exact_bytes()
    {
        await Store.UpsertAsync(new StoreBatch { RawInputs = [Raw(3, [1, 2, 3]), Raw(1, [0xff, 0x00, 0x7f])] });
        await Store.UpsertAsync(new StoreBatch { RawInputs = [Raw(2, []), Raw(10, [9])] });

        var read = await ReadRawInputsAsync();

        Assert.Equal([1L, 2, 3, 10], read.Select(r => r.Seq));
        Assert.Equal(["news.raw.v1", "news.raw.v1", "news.raw.v1", "news.raw.v1"], read.Select(r => r.Topic));
        Assert.Equal(["key0001", "key0002", "key0003", "key0010"], read.Select(r => r.Key));
        Assert.Equal(new byte[] { 0xff, 0x00, 0x7f }, read[0].Value);
        Assert.Empty(read[1].Value);
        Assert.Equal(new byte[] { 1, 2, 3 }, read[2].Value);
    }

    [Fact]
    public async Task A_document_is_known_by_its_id_or_by_its_content_hash()
    {
        await Store.UpsertAsync(new StoreBatch { Documents = [Document("doc0001", "hash0001")] });

        Assert.True(await Store.IsKnownDocumentAsync("doc0001", "hash9999"));
        Assert.True(await Store.IsKnownDocumentAsync("doc9999", "hash0001"));
        Assert.True(await Store.IsKnownDocumentAsync("doc0001", "hash0001"));
        Assert.False(await Store.IsKnownDocumentAsync("doc9999", "hash9999"));
    }

    [Fact]
    public async Task Daily_sentiment_round_trips_per_issuer_ordered_by_day()
    {
        var later = Daily("iss001", D0.AddDays(2), 0, firmScore: null, topDocs: []);
        var earlier = Daily("iss001", D0, 1, firmScore: -0.25, topDocs: ["doc0002", "doc0001"]);
        var otherIssuer = Daily("iss002", D0, 0, firmScore: 0.5, topDocs: ["doc0003"]);
        await Store.UpsertAsync(new StoreBatch { DailySentiments = [later, otherIssuer, earlier] });

        var read = await Store.GetDailySentimentAsync("iss001");

        Assert.Equal([Json(earlier), Json(later)], read.Select(Json));
        Assert.Equal([Json(otherIssuer)], (await Store.GetDailySentimentAsync("iss002")).Select(Json));
    }

    [Fact]
    public async Task Daily_sentiment_of_a_day_range_comes_back_by_day_with_both_ends_included()
    {
        await Store.UpsertAsync(new StoreBatch
        {
            DailySentiments = [.. Enumerable.Range(0, 6).Select(d => Daily("iss001", D0.AddDays(d), 0, d / 10.0, [])), Daily("iss002", D0.AddDays(2), 0, 0.5, [])],
        });

        Assert.Equal([D0.AddDays(2), D0.AddDays(3), D0.AddDays(4)], (await Store.GetDailySentimentAsync("iss001", D0.AddDays(2), D0.AddDays(4))).Select(d => d.Day));
        Assert.Equal([D0.AddDays(4), D0.AddDays(5)], (await Store.GetDailySentimentAsync("iss001", D0.AddDays(4), null)).Select(d => d.Day));
        Assert.Empty(await Store.GetDailySentimentAsync("iss001", D0.AddDays(9), null));
    }

    [Fact]
    public async Task Risk_scores_round_trip_per_issuer_ordered_by_day()
    {
        var second = Score("iss001", D0.AddDays(1), 0, lastSpread: null, RiskClass.Extended);
        var first = Score("iss001", D0, 0, lastSpread: 312.5, RiskClass.Performing);
        await Store.UpsertAsync(new StoreBatch { RiskScores = [second, first, Score("iss002", D0, 0, 10, RiskClass.Defaulted)] });

        var read = await Store.GetRiskScoresAsync("iss001");

        Assert.Equal([Json(first), Json(second)], read.Select(Json));
    }

    [Fact]
    public async Task Alerts_round_trip_ordered_by_alert_id()
    {
        var b = Alert("alert002", threshold: null, evidence: []);
        var a = Alert("alert001", threshold: 0.75, evidence: ["doc0002", "doc0001"]);
        await Store.UpsertAsync(new StoreBatch { Alerts = [b, a] });

        Assert.Equal([Json(a), Json(b)], (await Store.GetAlertsAsync()).Select(Json));
    }

    [Fact]
    public async Task Dead_letters_round_trip_ordered_by_id()
    {
        var b = DeadLetterOf("dl000002", errorType: null);
        var a = DeadLetterOf("dl000001", errorType: "JsonException");
        await Store.UpsertAsync(new StoreBatch { DeadLetters = [b, a] });

        Assert.Equal([Json(a), Json(b)], (await Store.GetDeadLettersAsync()).Select(Json));
    }

    [Fact]
    public async Task Doubles_come_back_bit_for_bit()
    {
        double[] values = [0.1 + 0.2, 1.0 / 3.0, -1e-300, 1e300, double.MaxValue, double.Epsilon * 1e10, -123456.789012345678];
        var scores = values.Select((v, i) => Score($"iss{i:000}", D0, 0, lastSpread: v, RiskClass.Performing) with
        {
            IndexValue = v, SpreadChangeForecastBps = -v, PPerforming = v,
        }).ToList();
        await Store.UpsertAsync(new StoreBatch { RiskScores = scores });

        foreach (var expected in scores)
        {
            var actual = Assert.Single(await Store.GetRiskScoresAsync(expected.IssuerId));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected.IndexValue), BitConverter.DoubleToInt64Bits(actual.IndexValue));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected.LastSpreadBps!.Value), BitConverter.DoubleToInt64Bits(actual.LastSpreadBps!.Value));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected.SpreadChangeForecastBps), BitConverter.DoubleToInt64Bits(actual.SpreadChangeForecastBps));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected.PPerforming), BitConverter.DoubleToInt64Bits(actual.PPerforming));
        }
    }

    [Fact]
    public async Task Daily_sentiment_keeps_the_highest_revision_even_when_a_lower_one_arrives_later()
    {
        await Store.UpsertAsync(new StoreBatch { DailySentiments = [Daily("iss001", D0, 0, 0.1, ["doc0001"])] });
        var revised = Daily("iss001", D0, 2, 0.3, ["doc0003", "doc0001"]);
        await Store.UpsertAsync(new StoreBatch { DailySentiments = [revised] });
        await Store.UpsertAsync(new StoreBatch { DailySentiments = [Daily("iss001", D0, 1, 0.2, ["doc0002"])] });

        Assert.Equal([Json(revised)], (await Store.GetDailySentimentAsync("iss001")).Select(Json));
    }

    [Fact]
    public async Task Risk_scores_keep_the_highest_revision_even_when_a_lower_one_arrives_later()
    {
        await Store.UpsertAsync(new StoreBatch { RiskScores = [Score("iss001", D0, 0, 100, RiskClass.Performing)] });
        var revised = Score("iss001", D0, 3, 150, RiskClass.Extended);
        await Store.UpsertAsync(new StoreBatch { RiskScores = [revised] });
        await Store.UpsertAsync(new StoreBatch { RiskScores = [Score("iss001", D0, 1, 120, RiskClass.Performing)] });

        Assert.Equal([Json(revised)], (await Store.GetRiskScoresAsync("iss001")).Select(Json));
    }

    [Fact]
    public async Task Within_one_batch_the_highest_revision_wins_whatever_the_order()
    {
        var highest = Daily("iss001", D0, 2, 0.3, ["doc0003"]);
        await Store.UpsertAsync(new StoreBatch
        {
            DailySentiments = [Daily("iss001", D0, 1, 0.2, ["doc0002"]), highest, Daily("iss001", D0, 0, 0.1, ["doc0001"])],
        });

        Assert.Equal([Json(highest)], (await Store.GetDailySentimentAsync("iss001")).Select(Json));
    }

    [Fact]
    public async Task A_record_upserted_again_with_the_same_key_replaces_the_stored_one()
    {
        await Store.UpsertAsync(new StoreBatch { Alerts = [Alert("alert001", 0.5, ["doc0001"])] });
        var corrected = Alert("alert001", 0.6, ["doc0001", "doc0002"]) with { Message = "corrected" };

        await Store.UpsertAsync(new StoreBatch { Alerts = [corrected] });

        Assert.Equal([Json(corrected)], (await Store.GetAlertsAsync()).Select(Json));
    }

    [Fact]
    public async Task A_batch_that_fails_midway_leaves_nothing_behind()
    {
        var failing = FullBatch() with
        {
            // Two documents with one content hash: the store refuses the second, after the rest of the batch started.
            Documents = [Document("doc0001", "hash0001"), Document("doc0002", "hash0001")],
        };

        await Assert.ThrowsAnyAsync<Exception>(() => Store.UpsertAsync(failing));

        Assert.Equal(new StoreCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), await Store.CountAsync());
        Assert.False(await Store.IsKnownDocumentAsync("doc0001", "hash0001"));

        await Store.UpsertAsync(FullBatch());
        Assert.Equal(new StoreCounts(3, 2, 3, 2, 3, 2, 3, 3, 2, 2), await Store.CountAsync());
    }

    [Fact]
    public async Task A_cancelled_upsert_writes_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.UpsertAsync(FullBatch(), cancelled.Token));

        Assert.Equal(new StoreCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), await Store.CountAsync());
    }

    [Fact]
    public async Task A_large_batch_is_written_whole()
    {
        var raws = Enumerable.Range(1, 2000).Select(i => Raw(i, BitConverter.GetBytes(i))).ToList();
        var firms = Enumerable.Range(1, 2000).Select(i => Firm($"firm{i:000000}", $"doc{i:0000}", $"iss{i % 50:000}")).ToList();

        await Store.UpsertAsync(new StoreBatch { RawInputs = raws, FirmSentiments = firms });

        var counts = await Store.CountAsync();
        Assert.Equal(2000, counts.RawInputs);
        Assert.Equal(2000, counts.FirmSentiments);
        Assert.Equal(raws.Select(r => r.Seq), (await ReadRawInputsAsync()).Select(r => r.Seq));
    }

    [Fact]
    public async Task Firm_and_industry_rows_come_back_in_ingest_order_then_event_id()
    {
        var late = Firm("firm0003", "doc0003", "iss001") with { IngestSeq = 9 };
        var early = Firm("firm0002", "doc0001", "iss002") with { IngestSeq = 2 };
        var sameSeq = Firm("firm0001", "doc0002", "iss001") with { IngestSeq = 9 };
        var industryLate = Industry("ind00001", "doc0003", "ind01", [new TopicHit("top001", 0.81)]) with { IngestSeq = 5 };
        var industryEarly = Industry("ind00002", "doc0001", "ind07", []) with { IngestSeq = 1 };
        await Store.UpsertAsync(new StoreBatch { FirmSentiments = [late, early, sameSeq], IndustrySentiments = [industryLate, industryEarly] });

        Assert.Equal([Json(early), Json(sameSeq), Json(late)], (await Store.GetFirmSentimentsAsync()).Select(Json));
        Assert.Equal([Json(industryEarly), Json(industryLate)], (await Store.GetIndustrySentimentsAsync()).Select(Json));
    }

    [Fact]
    public async Task Industry_rows_keep_their_provenance_prompt_fallback_and_topic_paths()
    {
        var llm = Industry("ind00001", "doc0001", "ind01", [new TopicHit("top001", 0.81), new TopicHit("top017", 0.2 + 0.1)]) with
        {
            Model = "gguf:tiny+hashed-tfidf/1-d4096",
            PromptVersion = "industry-zh/1",
            Paths = [new TopicPath("top001", 0.81, -1, -0.7, 0.567), new TopicPath("top017", 0.2 + 0.1, -1, 0.1 / 3, -(0.2 + 0.1) / 30)],
        };
        var fellBack = Industry("ind00002", "doc0002", "ind07", [new TopicHit("top003", 0.5)]) with
        {
            IngestSeq = 9, PromptVersion = "none", Fallback = "gguf:tiny timed out twice; built-in scorer answered", Paths = [],
        };
        var older = Industry("ind00003", "doc0003", "ind07", []) with { IngestSeq = 10 };

        await Store.UpsertAsync(new StoreBatch { IndustrySentiments = [llm, fellBack, older] });

        // Byte for byte as the events were emitted: numbers round-trip, absent fields stay absent.
        Assert.Equal([Json(llm), Json(fellBack), Json(older)], (await Store.GetIndustrySentimentsAsync()).Select(Json));
        var stored = (await Store.GetIndustrySentimentsAsync())[0];
        Assert.Equal(("industry-zh/1", (string?)null), (stored.PromptVersion, stored.Fallback));
        Assert.Equal(-(0.2 + 0.1) / 30, stored.Paths![1].Contribution);
        Assert.Null((await Store.GetIndustrySentimentsAsync())[2].Paths);
    }

    [Fact]
    public async Task Documents_come_back_whole_in_ingest_order()
    {
        var late = Document("doc0001", "hash0001") with { IngestSeq = 9 };
        var early = Document("doc0002", "hash0002") with { IngestSeq = 1, Headline = null, Language = null, Watermark = null };
        await Store.UpsertAsync(new StoreBatch { Documents = [late, early] });
        // Written again (a redelivered batch): still one row each.
        await Store.UpsertAsync(new StoreBatch { Documents = [late] });

        Assert.Equal([Json(early), Json(late)], (await Store.GetDocumentsAsync()).Select(Json));
    }

    [Fact]
    public async Task Fundamentals_and_spreads_come_back_by_issuer_then_day()
    {
        var batch = FullBatch();
        await Store.UpsertAsync(batch);

        // Indicator order is not kept (PostgreSQL's jsonb orders keys its own way): compare them sorted.
        static string Canonical(Fundamentals f) => Json(f with { Indicators = new SortedDictionary<string, double>(f.Indicators.ToDictionary(), StringComparer.Ordinal) });
        Assert.Equal(batch.Fundamentals.OrderBy(f => f.IssuerId, StringComparer.Ordinal).ThenBy(f => f.PeriodEnd).Select(Canonical),
            (await Store.GetFundamentalsAsync()).Select(Canonical));
        Assert.Equal(batch.Spreads.OrderBy(s => s.IssuerId, StringComparer.Ordinal).ThenBy(s => s.Day).Select(Json),
            (await Store.GetSpreadsAsync()).Select(Json));
    }

    [Fact]
    public async Task The_outbox_gives_back_a_stage_s_events_in_the_order_written_with_bytes_and_headers()
    {
        OutboxMessage Event(string stage, string id, byte b) =>
            new(stage, Topics.Docs, "key-" + id, id, [b, 0, 255], new Dictionary<string, string> { ["ce_id"] = id, ["sr_stage"] = stage });
        await Store.UpsertAsync(new StoreBatch { Outbox = [Event("ingest", "evt00003", 3), Event("enrich", "evt00009", 9), Event("ingest", "evt00001", 1)] });
        await Store.UpsertAsync(new StoreBatch { Outbox = [Event("ingest", "evt00002", 2)] });

        var pending = await Store.GetOutboxAsync("ingest");

        Assert.Equal(["evt00003", "evt00001", "evt00002"], pending.Select(o => o.EventId));
        var expected = Event("ingest", "evt00001", 1);
        Assert.Equal((expected.Stage, expected.Topic, expected.Key), (pending[1].Stage, pending[1].Topic, pending[1].Key));
        Assert.Equal(expected.Value, pending[1].Value);
        Assert.Equal(expected.Headers.OrderBy(h => h.Key, StringComparer.Ordinal), pending[1].Headers.OrderBy(h => h.Key, StringComparer.Ordinal));
        Assert.Equal(["evt00009"], (await Store.GetOutboxAsync("enrich")).Select(o => o.EventId));
    }

    [Fact]
    public async Task A_published_outbox_entry_is_deleted_by_the_next_batch_and_an_entry_written_again_keeps_its_place()
    {
        OutboxMessage Event(string id) => new("score", Topics.RiskScores, "iss001", id, [1], new Dictionary<string, string>());
        await Store.UpsertAsync(new StoreBatch { Outbox = [Event("evt00001"), Event("evt00002"), Event("evt00003")] });

        // evt00002 written again (a redelivered batch) stays where it was; evt00001 was published and goes.
        await Store.UpsertAsync(new StoreBatch
        {
            OutboxSent = [new("score", Topics.RiskScores, "evt00001")],
            Outbox = [Event("evt00004"), Event("evt00002")],
        });

        Assert.Equal(["evt00002", "evt00003", "evt00004"], (await Store.GetOutboxAsync("score")).Select(o => o.EventId));
    }

    [Fact]
    public async Task The_inbox_says_which_inputs_a_stage_has_seen_and_the_applied_rows_come_back_in_ingest_order()
    {
        var applied = Firm("firm0002", "doc0001", "iss001") with { IngestSeq = 5 };
        var appliedEarlier = Firm("firm0003", "doc0002", "iss002") with { IngestSeq = 2 };
        var refused = Firm("firm0001", "doc0003", "iss001") with { IngestSeq = 1 };
        var notSeen = Firm("firm0004", "doc0004", "iss001") with { IngestSeq = 3 };
        var industry = Industry("ind00001", "doc0005", "ind01", []) with { IngestSeq = 4 };
        await Store.UpsertAsync(new StoreBatch { FirmSentiments = [applied, appliedEarlier, refused, notSeen], IndustrySentiments = [industry] });
        await Store.UpsertAsync(new StoreBatch
        {
            Inbox =
            [
                new("aggregate", "firm0002", true), new("aggregate", "firm0003", true), new("aggregate", "firm0001", false),
                new("aggregate", "ind00001", true), new("other", "firm0004", true),
            ],
        });

        Assert.Equal([Json(appliedEarlier), Json(applied)], (await Store.GetAppliedFirmSentimentsAsync("aggregate")).Select(Json));
        Assert.Equal([Json(industry)], (await Store.GetAppliedIndustrySentimentsAsync("aggregate")).Select(Json));
        var seen = await Store.GetInboxAsync("aggregate", ["firm0001", "firm0002", "firm0004", "nothing1"]);
        Assert.Equal(["firm0001", "firm0002"], seen.Order(StringComparer.Ordinal));
        Assert.Empty(await Store.GetInboxAsync("aggregate", []));
    }

    [Fact]
    public async Task The_latest_document_times_are_the_last_documents_by_ingest_sequence_in_ingest_order()
    {
        Assert.Empty(await Store.GetLatestDocumentTimesAsync(10));
        await Store.UpsertAsync(new StoreBatch
        {
            // Written out of ingest order, with one stamp missing (a row from before stamps existed).
            Documents =
            [
                Document("doc0003", "hash0003") with { IngestSeq = 3, PublishedAt = new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero) },
                Document("doc0001", "hash0001") with
                {
                    IngestSeq = 1, PublishedAt = new DateTimeOffset(2024, 3, 5, 23, 30, 0, TimeSpan.FromHours(-5)), Watermark = new DateOnly(2024, 3, 6),
                },
                Document("doc0004", "hash0004") with
                {
                    IngestSeq = 4, PublishedAt = new DateTimeOffset(2024, 3, 7, 1, 0, 0, TimeSpan.Zero), Watermark = null,
                },
                Document("doc0002", "hash0002") with
                {
                    IngestSeq = 2, PublishedAt = new DateTimeOffset(2024, 3, 6, 1, 0, 0, TimeSpan.Zero), Watermark = new DateOnly(2024, 3, 1),
                },
            ],
        });

        var latest = await Store.GetLatestDocumentTimesAsync(3);
        Assert.Equal([2L, 3L, 4L], latest.Select(d => d.IngestSeq));
        Assert.Equal(new DateTimeOffset(2024, 3, 6, 1, 0, 0, TimeSpan.Zero), latest[0].PublishedAt);
        Assert.Equal([new DateOnly(2024, 3, 1), Document("x", "y").Watermark, null], latest.Select(d => d.Watermark));
        Assert.Equal([new DateOnly(2024, 3, 6), new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 7)], latest.Select(d => d.Day));

        // 23:30 at UTC-5 is 04:30 UTC on the 6th: the day is the UTC day.
        var all = await Store.GetLatestDocumentTimesAsync(10);
        Assert.Equal([1L, 2L, 3L, 4L], all.Select(d => d.IngestSeq));
        Assert.Equal(new DateOnly(2024, 3, 6), all[0].Day);
        Assert.Empty(await Store.GetLatestDocumentTimesAsync(0));
    }

    // ---- samples -------------------------------------------------------------------------------------------------

    /// <summary>A batch with every record type; counts (3, 2, 3, 2, 3, 2, 3, 3, 2, 2) in <see cref="StoreCounts"/> order.</summary>
    protected static StoreBatch FullBatch() => new()
    {
        RawInputs = [Raw(1, [1]), Raw(2, [2, 2]), Raw(3, [3, 3, 3])],
        Documents = [Document("doc0001", "hash0001"), Document("doc0002", "hash0002") with { Headline = null, Language = null }],
        FirmSentiments = [Firm("firm0001", "doc0001", "iss001"), Firm("firm0002", "doc0001", "iss002"), Firm("firm0003", "doc0002", "iss001")],
        IndustrySentiments =
        [
            Industry("ind00001", "doc0002", "ind01", [new TopicHit("top001", 0.81), new TopicHit("top017", 0.64)]),
            Industry("ind00002", "doc0002", "ind07", []),
        ],
        DailySentiments =
        [
            Daily("iss001", D0, 0, 0.25, ["doc0001"]), Daily("iss001", D0.AddDays(1), 0, null, []),
            Daily("iss002", D0, 1, -0.5, ["doc0001", "doc0002"]),
        ],
        Fundamentals =
        [
            new Fundamentals("iss001", new DateOnly(2023, 12, 31), T0.AddDays(-30), new Dictionary<string, double> { ["leverage"] = 0.61, ["roa"] = -0.013 }),
            new Fundamentals("iss002", new DateOnly(2023, 12, 31), T0.AddDays(-29), new Dictionary<string, double>()),
        ],
        Spreads = [new("iss001", D0, 215.25), new("iss001", D0.AddDays(1), 219.5), new("iss002", D0, 87.125)],
        RiskScores =
        [
            Score("iss001", D0, 0, 215.25, RiskClass.Performing), Score("iss001", D0.AddDays(1), 0, null, RiskClass.Extended),
            Score("iss002", D0, 0, 87.125, RiskClass.Defaulted),
        ],
        Alerts = [Alert("alert001", 0.7, ["doc0001"]), Alert("alert002", null, [])],
        DeadLetters = [DeadLetterOf("dl000001", "JsonException"), DeadLetterOf("dl000002", null)],
    };

    protected static RawInput Raw(long seq, byte[] value) => new(seq, Topics.NewsRaw, $"key{seq:0000}", value);

    protected static NewsDocument Document(string docId, string hash) =>
        new(docId, "wire", T0, $"Headline of {docId}", $"Body of {docId}.", "en", hash, 42, D0.AddDays(2));

    protected static FirmSentiment Firm(string eventId, string docId, string issuerId) =>
        new(eventId, docId, issuerId, T0, 0.2, 0.3, 0.5, 0.3, 2, "lexicon-v1", 7, D0.AddDays(1));

    protected static IndustrySentiment Industry(string eventId, string docId, string industryId, IReadOnlyList<TopicHit> topics) =>
        // No watermark: rows written before the ingest watermark existed come back without one.
        new(eventId, docId, industryId, T0, -0.4, 1.25, topics, "llm-v1", 8);

    protected static DailySentiment Daily(string issuerId, DateOnly day, int revision, double? firmScore, IReadOnlyList<string> topDocs) =>
        new($"daily-{issuerId}-{day:yyyyMMdd}-r{revision}", issuerId, day, revision, firmScore, topDocs.Count,
            revision % 2 == 0 ? null : 0.125, firmScore ?? 0.0, (firmScore ?? 0.0) * 0.5 + revision, topDocs);

    protected static RiskScore Score(string issuerId, DateOnly asOf, int revision, double? lastSpread, RiskClass riskClass) =>
        new($"score-{issuerId}-{asOf:yyyyMMdd}-r{revision}", issuerId, asOf, revision, 0.42 + revision, lastSpread,
            -3.5 * (revision + 1), 20, 0.9, 0.07, 0.03, riskClass, "tlstm-v1")
        {
            EvidenceDocIds = Enumerable.Range(0, (revision + 1) % 3).Select(i => $"doc{revision:00}{i:00}").ToList(),
        };

    protected static RiskAlert Alert(string alertId, double? threshold, IReadOnlyList<string> evidence) =>
        new(alertId, "iss001", D0, "threshold_crossing", "high", $"message of {alertId}", 0.81, threshold, evidence);

    protected static DeadLetter DeadLetterOf(string id, string? errorType) =>
        new(id, Topics.NewsRaw, 3, 1234567890123, "ingest", "malformed_json", "unexpected end of input", errorType, "eyJh");

    /// <summary>Records holding lists compare lists by reference; their wire JSON compares them by content.</summary>
    protected static string Json<T>(T value) => EventJson.SerializeToString(value);

    protected async Task<List<RawInput>> ReadRawInputsAsync()
    {
        var read = new List<RawInput>();
        await foreach (var raw in Store.ReadRawInputsAsync())
        {
            read.Add(raw);
        }
        return read;
    }

    /// <summary>Everything the contract can read back, as one comparable string.</summary>
    protected async Task<string> SnapshotAsync()
    {
        var parts = new List<string> { (await Store.CountAsync()).ToString() };
        parts.AddRange((await ReadRawInputsAsync()).Select(r => $"{r.Seq}|{r.Topic}|{r.Key}|{Convert.ToHexString(r.Value)}"));
        foreach (var issuer in new[] { "iss001", "iss002" })
        {
            parts.AddRange((await Store.GetDailySentimentAsync(issuer)).Select(Json));
            parts.AddRange((await Store.GetRiskScoresAsync(issuer)).Select(Json));
        }
        parts.AddRange((await Store.GetAlertsAsync()).Select(Json));
        parts.AddRange((await Store.GetDeadLettersAsync()).Select(Json));
        return string.Join("\n", parts);
    }
}
