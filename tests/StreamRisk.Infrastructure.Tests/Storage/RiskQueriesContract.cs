using StreamRisk.Core.Alerts;
using StreamRisk.Core.Events;
using StreamRisk.Core.Storage;
using StreamRisk.Core.Storage.Queries;

namespace StreamRisk.Infrastructure.Tests.Storage;

/// <summary>
/// What every <see cref="IRiskQueries"/> must do, read back from rows its own backend's <see cref="IRiskStore"/> wrote:
/// SQLite and PostgreSQL subclass this and run the same cases, each on a fresh store.
/// </summary>
public abstract class RiskQueriesContract : IAsyncLifetime
{
    private static readonly DateOnly D0 = new(2024, 3, 1);
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 9, 30, 15, 123, TimeSpan.Zero);

    protected IRiskStore Store { get; private set; } = null!;
    protected IRiskQueries Queries { get; private set; } = null!;

    /// <summary>A new, empty store (not yet migrated) and the queries over the same database.</summary>
    protected abstract Task<(IRiskStore Store, IRiskQueries Queries)> CreateAsync();

    public async Task InitializeAsync()
    {
        (Store, Queries) = await CreateAsync();
        await Store.MigrateAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await Queries.DisposeAsync();
        await Store.DisposeAsync();
    }

    [Fact]
    public async Task A_new_store_is_reachable_and_every_query_gives_an_empty_last_page()
    {
        await Queries.CheckReachableAsync();

        Assert.False((await Queries.GetDailyIndexAsync(new DayRangeQuery("iss001", null, null, 10))).HasMore);
        Assert.Empty((await Queries.GetDailyIndexAsync(new DayRangeQuery("iss001", null, null, 10))).Items);
        Assert.Empty((await Queries.GetRiskScoresAsync(new DayRangeQuery("iss001", null, null, 10))).Items);
        Assert.False((await Queries.GetAlertsAsync(new AlertQuery(10))).HasMore);
        Assert.Empty((await Queries.GetAlertsAsync(new AlertQuery(10))).Items);
        Assert.Empty((await Queries.GetDocumentsAsync(new DocumentQuery(10))).Items);
        Assert.Empty((await Queries.GetDeadLettersAsync(new DeadLetterQuery(10))).Items);
        Assert.Empty((await Queries.GetIndustryDaysAsync(new IndustryDayQuery(10))).Items);
        Assert.Null(await Queries.GetDocumentAsync("doc0001"));
    }

    [Fact]
    public async Task The_daily_index_of_a_day_range_is_paged_by_day_visiting_each_day_once()
    {
        await Store.UpsertAsync(new StoreBatch
        {
            DailySentiments = [.. Enumerable.Range(0, 8).Reverse().Select(d => Daily("iss001", D0.AddDays(d), d % 2)), Daily("iss002", D0.AddDays(3), 0)],
        });

        var pages = await AllPagesAsync<DailySentiment, DateOnly?>(null,
            after => Queries.GetDailyIndexAsync(new DayRangeQuery("iss001", D0.AddDays(1), D0.AddDays(6), 4, after)), d => d.Day);

        Assert.Equal([4, 2], pages.Select(p => p.Count));
        Assert.Equal(Enumerable.Range(1, 6).Select(d => D0.AddDays(d)), pages.SelectMany(p => p).Select(d => d.Day));
        Assert.All(pages.SelectMany(p => p), d => Assert.Equal("iss001", d.IssuerId));
        var third = pages[0][2];
        Assert.Equal(Json(Daily("iss001", D0.AddDays(3), 1)), Json(third));
    }

    [Fact]
    public async Task An_open_day_range_reads_to_the_first_or_last_day()
    {
        await Store.UpsertAsync(new StoreBatch { DailySentiments = [.. Enumerable.Range(0, 5).Select(d => Daily("iss001", D0.AddDays(d), 0))] });

        Assert.Equal([D0, D0.AddDays(1)], (await Queries.GetDailyIndexAsync(new DayRangeQuery("iss001", null, D0.AddDays(1), 10))).Items.Select(d => d.Day));
        Assert.Equal([D0.AddDays(3), D0.AddDays(4)], (await Queries.GetDailyIndexAsync(new DayRangeQuery("iss001", D0.AddDays(3), null, 10))).Items.Select(d => d.Day));
        var page = await Queries.GetDailyIndexAsync(new DayRangeQuery("iss001", null, null, 5));
        Assert.Equal(5, page.Items.Count);
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task Risk_scores_come_back_with_their_class_probabilities_paged_by_day()
    {
        var scores = Enumerable.Range(0, 5).Select(d => Score("iss001", D0.AddDays(d), d == 2 ? RiskClass.Extended : RiskClass.Performing)).ToList();
        await Store.UpsertAsync(new StoreBatch { RiskScores = [.. scores, Score("iss002", D0, RiskClass.Defaulted)] });

        var pages = await AllPagesAsync<RiskScore, DateOnly?>(null,
            after => Queries.GetRiskScoresAsync(new DayRangeQuery("iss001", null, null, 2, after)), s => s.AsOf);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(scores.Select(Json), pages.SelectMany(p => p).Select(Json));
        Assert.Equal([D0.AddDays(1), D0.AddDays(2)], (await Queries.GetRiskScoresAsync(new DayRangeQuery("iss001", D0.AddDays(1), D0.AddDays(2), 10))).Items.Select(s => s.AsOf));
    }

    [Fact]
    public async Task Alerts_come_newest_first_with_ties_broken_by_id_and_every_alert_once_across_pages()
    {
        var alerts = new[]
        {
            Alert("iss001:jump:2024-03-01", "iss001", D0, AlertRules.Jump, AlertRules.Info),
            Alert("iss001:threshold_crossing:2024-03-03", "iss001", D0.AddDays(2), AlertRules.ThresholdCrossing, AlertRules.Warning),
            Alert("iss002:class_change:2024-03-03", "iss002", D0.AddDays(2), AlertRules.ClassChange, AlertRules.Critical),
            Alert("iss003:jump:2024-03-03", "iss003", D0.AddDays(2), AlertRules.Jump, AlertRules.Warning) with { Status = RiskAlert.Retracted, Revision = 1 },
            Alert("iss002:jump:2024-03-02", "iss002", D0.AddDays(1), AlertRules.Jump, AlertRules.Critical),
        };
        await Store.UpsertAsync(new StoreBatch { Alerts = alerts });

        var pages = await AllPagesAsync<RiskAlert, AlertPosition?>(null,
            after => Queries.GetAlertsAsync(new AlertQuery(2) { After = after }), a => new AlertPosition(a.AsOf, a.AlertId));

        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(
            ["iss003:jump:2024-03-03", "iss002:class_change:2024-03-03", "iss001:threshold_crossing:2024-03-03", "iss002:jump:2024-03-02", "iss001:jump:2024-03-01"],
            pages.SelectMany(p => p).Select(a => a.AlertId));
        Assert.Equal(Json(alerts[3]), Json(pages[0][0]));
    }

    [Fact]
    public async Task Alerts_are_filtered_by_issuer_rule_minimum_severity_status_and_day()
    {
        await Store.UpsertAsync(new StoreBatch
        {
            Alerts =
            [
                Alert("iss001:jump:2024-03-01", "iss001", D0, AlertRules.Jump, AlertRules.Info),
                Alert("iss001:threshold_crossing:2024-03-03", "iss001", D0.AddDays(2), AlertRules.ThresholdCrossing, AlertRules.Warning),
                Alert("iss002:class_change:2024-03-03", "iss002", D0.AddDays(2), AlertRules.ClassChange, AlertRules.Critical),
                Alert("iss001:jump:2024-03-05", "iss001", D0.AddDays(4), AlertRules.Jump, AlertRules.Critical) with { Status = RiskAlert.Retracted },
            ],
        });

        async Task<string[]> Ids(AlertQuery query) => (await Queries.GetAlertsAsync(query)).Items.Select(a => a.AlertId).ToArray();

        Assert.Equal(["iss001:jump:2024-03-05", "iss001:threshold_crossing:2024-03-03", "iss001:jump:2024-03-01"], await Ids(new AlertQuery(10) { IssuerId = "iss001" }));
        Assert.Equal(["iss001:jump:2024-03-05", "iss001:jump:2024-03-01"], await Ids(new AlertQuery(10) { Rule = AlertRules.Jump }));
        Assert.Equal(["iss001:jump:2024-03-05", "iss002:class_change:2024-03-03"], await Ids(new AlertQuery(10) { Severities = AlertSeverity.AtLeast(AlertRules.Critical) }));
        Assert.Equal(["iss001:jump:2024-03-05", "iss002:class_change:2024-03-03", "iss001:threshold_crossing:2024-03-03"],
            await Ids(new AlertQuery(10) { Severities = AlertSeverity.AtLeast(AlertRules.Warning) }));
        Assert.Equal(["iss002:class_change:2024-03-03", "iss001:threshold_crossing:2024-03-03", "iss001:jump:2024-03-01"], await Ids(new AlertQuery(10) { Status = RiskAlert.Active }));
        Assert.Equal(["iss002:class_change:2024-03-03", "iss001:threshold_crossing:2024-03-03"], await Ids(new AlertQuery(10) { From = D0.AddDays(1), To = D0.AddDays(3) }));
        Assert.Equal(["iss001:threshold_crossing:2024-03-03"],
            await Ids(new AlertQuery(10) { IssuerId = "iss001", Status = RiskAlert.Active, Severities = AlertSeverity.AtLeast(AlertRules.Warning) }));
        Assert.Empty(await Ids(new AlertQuery(10) { IssuerId = "iss009" }));
        Assert.Equal(["iss001:jump:2024-03-05"], await Ids(new AlertQuery(10) { AlertId = "iss001:jump:2024-03-05" }));
        Assert.Empty(await Ids(new AlertQuery(10) { AlertId = "iss001:jump:2024-03-05", Status = RiskAlert.Active }));
        Assert.Empty(await Ids(new AlertQuery(10) { AlertId = "iss001:JUMP:2024-03-05" }));
    }

    [Fact]
    public async Task Documents_come_newest_first_and_are_found_by_issuer_industry_topic_and_utc_day()
    {
        var docs = new[]
        {
            Document("doc0001", T0),
            Document("doc0002", T0.AddDays(1)),
            // Same instant as doc0002: the tie is broken by doc id, descending.
            Document("doc0003", T0.AddDays(1)),
            // 23:30 at UTC−5 on the 2nd is 04:30 UTC on the 3rd.
            Document("doc0004", new DateTimeOffset(2024, 3, 2, 23, 30, 0, TimeSpan.FromHours(-5))),
        };
        await Store.UpsertAsync(new StoreBatch
        {
            Documents = docs,
            FirmSentiments = [Firm("firm0001", "doc0001", "iss001"), Firm("firm0002", "doc0003", "iss001"), Firm("firm0003", "doc0003", "iss002")],
            IndustrySentiments =
            [
                Industry("ind00001", "doc0002", "banks", [new TopicHit("ep_rate_hike", 0.8), new TopicHit("ed_inflation", 0.7)]),
                Industry("ind00002", "doc0004", "airlines", [new TopicHit("we_oil_price", 0.9)]),
                Industry("ind00003", "doc0004", "banks", [new TopicHit("we_oil_price", 0.9)]),
            ],
        });

        async Task<string[]> Ids(DocumentQuery query) => (await Queries.GetDocumentsAsync(query)).Items.Select(d => d.DocId).ToArray();

        Assert.Equal(["doc0004", "doc0003", "doc0002", "doc0001"], await Ids(new DocumentQuery(10)));
        Assert.Equal(["doc0003", "doc0001"], await Ids(new DocumentQuery(10) { IssuerId = "iss001" }));
        Assert.Equal(["doc0003"], await Ids(new DocumentQuery(10) { IssuerId = "iss002" }));
        Assert.Equal(["doc0004", "doc0002"], await Ids(new DocumentQuery(10) { IndustryId = "banks" }));
        Assert.Equal(["doc0002"], await Ids(new DocumentQuery(10) { TopicId = "ed_inflation" }));
        Assert.Equal(["doc0004"], await Ids(new DocumentQuery(10) { TopicId = "we_oil_price", IndustryId = "airlines" }));
        Assert.Equal(["doc0003", "doc0002"], await Ids(new DocumentQuery(10) { From = D0.AddDays(1), To = D0.AddDays(1) }));
        Assert.Equal(["doc0004"], await Ids(new DocumentQuery(10) { From = D0.AddDays(2) }));
        Assert.Empty(await Ids(new DocumentQuery(10) { TopicId = "nothing" }));
        Assert.Equal(Json(docs[3]), Json((await Queries.GetDocumentsAsync(new DocumentQuery(1))).Items[0] with { PublishedAt = docs[3].PublishedAt }));
    }

    [Fact]
    public async Task Document_pages_visit_every_document_once_even_when_many_share_an_instant()
    {
        var docs = Enumerable.Range(0, 23).Select(i => Document($"doc{i:0000}", T0.AddHours(i / 5))).ToList();
        await Store.UpsertAsync(new StoreBatch { Documents = docs });

        var pages = await AllPagesAsync<NewsDocument, DocumentPosition?>(null,
            after => Queries.GetDocumentsAsync(new DocumentQuery(4) { After = after }), d => new DocumentPosition(d.PublishedAt, d.DocId));

        Assert.Equal([4, 4, 4, 4, 4, 3], pages.Select(p => p.Count));
        Assert.Equal(docs.OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.DocId, StringComparer.Ordinal).Select(d => d.DocId),
            pages.SelectMany(p => p).Select(d => d.DocId));
    }

    [Fact]
    public async Task A_document_comes_with_the_firm_and_industry_sentiment_scored_on_it()
    {
        var firm = new[] { Firm("firm0002", "doc0001", "iss002"), Firm("firm0001", "doc0001", "iss001") };
        var industry = Industry("ind00001", "doc0001", "banks", [new TopicHit("ep_rate_hike", 0.8)]);
        await Store.UpsertAsync(new StoreBatch
        {
            Documents = [Document("doc0001", T0), Document("doc0002", T0)],
            FirmSentiments = [.. firm, Firm("firm0003", "doc0002", "iss001")],
            IndustrySentiments = [industry],
        });

        var found = await Queries.GetDocumentAsync("doc0001");

        Assert.NotNull(found);
        Assert.Equal("doc0001", found.Document.DocId);
        Assert.Equal([Json(firm[1]), Json(firm[0])], found.FirmSentiments.Select(Json));
        Assert.Equal([Json(industry)], found.IndustrySentiments.Select(Json));
        Assert.Empty((await Queries.GetDocumentAsync("doc0002"))!.IndustrySentiments);
        Assert.Null(await Queries.GetDocumentAsync("doc9999"));
    }

    [Fact]
    public async Task Industry_days_weigh_each_text_by_its_weight_by_utc_day_and_are_paged_by_day_then_industry()
    {
        IndustrySentiment Text(string id, string industry, DateTimeOffset at, double score, double weight) =>
            Industry(id, "doc" + id, industry, []) with { PublishedAt = at, Score = score, Weight = weight };
        await Store.UpsertAsync(new StoreBatch
        {
            IndustrySentiments =
            [
                // banks on D0: (1·0.5 + 3·(-0.5) + 4·0.5 + 2·0.1) / (1 + 3 + 4 + 2) = 0.12.
                Text("i1", "banks", T0, 0.5, 1), Text("i2", "banks", T0.AddHours(10), -0.5, 3),
                Text("i4", "banks", new DateTimeOffset(2024, 3, 1, 23, 59, 59, TimeSpan.Zero), 0.5, 4),
                // The UTC day counts, not the day where it was written: 01:00 at +02:00 on 2 March is 23:00 UTC on 1 March.
                Text("i8", "banks", new DateTimeOffset(2024, 3, 2, 1, 0, 0, TimeSpan.FromHours(2)), 0.1, 2),
                Text("i5", "banks", new DateTimeOffset(2024, 3, 2, 0, 0, 0, TimeSpan.Zero), 0.1, 1),
                // A negative weight (a topic that moves the industry the other way) flips its text's contribution.
                Text("i3", "energy", T0, 0.4, -2),
                Text("i6", "autos", T0.AddDays(1), 0.3, 1),
                Text("i7", "autos", T0.AddDays(2), 0.9, 0), // weightless: no value for that day
            ],
        });

        var pages = await AllPagesAsync<IndustryDaySentiment, IndustryDayPosition?>(null,
            after => Queries.GetIndustryDaysAsync(new IndustryDayQuery(2) { After = after }), d => new IndustryDayPosition(d.Day, d.IndustryId));

        Assert.Equal([2, 2], pages.Select(p => p.Count));
        var days = pages.SelectMany(p => p).ToList();
        Assert.Equal([(D0, "banks"), (D0, "energy"), (D0.AddDays(1), "autos"), (D0.AddDays(1), "banks")], days.Select(d => (d.Day, d.IndustryId)));
        Assert.Equal(0.12, days[0].Score, 12);
        Assert.Equal(10, days[0].Weight, 12);
        Assert.Equal(4, days[0].TextCount);
        Assert.Equal(-0.4, days[1].Score, 12);
        Assert.Equal(2, days[1].Weight, 12);
        Assert.Equal(0.1, days[3].Score, 12);

        var banks = await Queries.GetIndustryDaysAsync(new IndustryDayQuery(10) { IndustryId = "banks", From = D0.AddDays(1), To = D0.AddDays(1) });
        Assert.Equal([(D0.AddDays(1), "banks")], banks.Items.Select(d => (d.Day, d.IndustryId)));
        Assert.Empty((await Queries.GetIndustryDaysAsync(new IndustryDayQuery(10) { To = D0.AddDays(-1) })).Items);
    }

    [Fact]
    public async Task Industry_days_of_one_topic_count_only_the_texts_matched_to_it()
    {
        IndustrySentiment Text(string id, string industry, double score, params string[] topics) =>
            Industry(id, "doc" + id, industry, [.. topics.Select(t => new TopicHit(t, 0.7))]) with { Score = score, Weight = 1 };
        await Store.UpsertAsync(new StoreBatch
        {
            IndustrySentiments =
            [
                Text("i1", "banks", -0.8, "ep_rate_hike"), Text("i2", "banks", 0.6, "ed_gdp", "ep_rate_hike"),
                Text("i3", "banks", 0.9, "ed_gdp"), Text("i4", "energy", -0.5, "ep_rate_hike_extra"),
            ],
        });

        var days = (await Queries.GetIndustryDaysAsync(new IndustryDayQuery(10) { TopicId = "ep_rate_hike" })).Items;

        var banks = Assert.Single(days);
        Assert.Equal(("banks", 2), (banks.IndustryId, banks.TextCount));
        Assert.Equal(-0.1, banks.Score, 12);
        Assert.Empty((await Queries.GetIndustryDaysAsync(new IndustryDayQuery(10) { TopicId = "ep_rate" })).Items);
    }

    [Fact]
    public async Task Dead_letters_are_paged_by_id_and_filtered_by_stage_and_reason()
    {
        var letters = Enumerable.Range(1, 7).Select(i => DeadLetterOf($"dl{i:000000}", i % 3 == 0 ? "enrich" : "ingest", i % 2 == 0 ? "malformed_json" : "unknown_issuer")).ToList();
        await Store.UpsertAsync(new StoreBatch { DeadLetters = [.. Enumerable.Reverse(letters)] });

        var pages = await AllPagesAsync<DeadLetter, string?>(null,
            after => Queries.GetDeadLettersAsync(new DeadLetterQuery(3) { AfterId = after }), l => l.DeadLetterId);

        Assert.Equal([3, 3, 1], pages.Select(p => p.Count));
        Assert.Equal(letters.Select(Json), pages.SelectMany(p => p).Select(Json));
        Assert.Equal(["dl000003", "dl000006"], (await Queries.GetDeadLettersAsync(new DeadLetterQuery(10) { Stage = "enrich" })).Items.Select(l => l.DeadLetterId));
        Assert.Equal(["dl000002", "dl000004"], (await Queries.GetDeadLettersAsync(new DeadLetterQuery(10) { Stage = "ingest", ReasonCode = "malformed_json" })).Items.Select(l => l.DeadLetterId));
    }

    [Fact]
    public async Task Rows_written_after_the_queries_opened_are_read_and_a_revised_day_shows_its_latest_revision()
    {
        await Store.UpsertAsync(new StoreBatch { DailySentiments = [Daily("iss001", D0, 0)] });
        Assert.Single((await Queries.GetDailyIndexAsync(new DayRangeQuery("iss001", null, null, 10))).Items);

        await Store.UpsertAsync(new StoreBatch { DailySentiments = [Daily("iss001", D0, 2), Daily("iss001", D0.AddDays(1), 0)] });

        var days = (await Queries.GetDailyIndexAsync(new DayRangeQuery("iss001", null, null, 10))).Items;
        Assert.Equal([2, 0], days.Select(d => d.Revision));
    }

    /// <summary>Reads page after page from each page's last key until a page says none follow.</summary>
    private static async Task<List<IReadOnlyList<T>>> AllPagesAsync<T, TKey>(TKey first, Func<TKey, Task<Page<T>>> read, Func<T, TKey> key)
    {
        var pages = new List<IReadOnlyList<T>>();
        var after = first;
        while (true)
        {
            var page = await read(after);
            pages.Add(page.Items);
            if (!page.HasMore)
            {
                return pages;
            }
            Assert.True(pages.Count < 100, "paging does not end");
            after = key(page.Items[^1]);
        }
    }

    private static DailySentiment Daily(string issuerId, DateOnly day, int revision) =>
        new($"daily-{issuerId}-{day:yyyyMMdd}-r{revision}", issuerId, day, revision, 0.25 * revision - 0.1, 2, revision % 2 == 0 ? null : -0.125,
            0.1 * day.Day, 0.05 * day.Day, ["doc0001"]);

    private static RiskScore Score(string issuerId, DateOnly asOf, RiskClass riskClass) =>
        new($"score-{issuerId}-{asOf:yyyyMMdd}", issuerId, asOf, 0, 0.01 * asOf.Day, asOf.Day % 2 == 0 ? null : 200 + asOf.Day,
            -1.5, 20, 0.8, 0.15, 0.05, riskClass, "tlstm-v1") { EvidenceDocIds = ["doc0001"] };

    private static RiskAlert Alert(string alertId, string issuerId, DateOnly asOf, string rule, string severity) =>
        new(alertId, issuerId, asOf, rule, severity, $"message of {alertId}", -0.4, rule == AlertRules.ThresholdCrossing ? -0.25 : null, ["doc0001"]);

    private static NewsDocument Document(string docId, DateTimeOffset publishedAt) =>
        new(docId, "wire", publishedAt, $"Headline of {docId}", $"Body of {docId}.", "en", "hash-" + docId, 1, null);

    private static FirmSentiment Firm(string eventId, string docId, string issuerId) =>
        new(eventId, docId, issuerId, T0, 0.2, 0.3, 0.5, 0.3, 1, "lexicon-v1", 1, D0);

    private static IndustrySentiment Industry(string eventId, string docId, string industryId, IReadOnlyList<TopicHit> topics) =>
        new(eventId, docId, industryId, T0, -0.4, 1.0, topics, "llm-v1", 1, D0);

    private static DeadLetter DeadLetterOf(string id, string stage, string reason) =>
        new(id, Topics.NewsRaw, 0, 7, stage, reason, "why " + id, null, "eyJh");

    private static string Json<T>(T value) => EventJson.SerializeToString(value);
}
