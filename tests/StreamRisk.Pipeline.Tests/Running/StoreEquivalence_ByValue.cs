using StreamRisk.Core.Events;
using StreamRisk.Pipeline.Running;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Tests.Running;

/// <summary>
/// The crash test's verdict comes from this comparison, so it must tell batching artefacts (revisions, event ids of
/// daily values, dead-letter ids) from real losses, extras, changed values and texts counted twice.
/// </summary>
public class StoreEquivalence_ByValue
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly D0 = new(2024, 3, 1);

    [Fact]
    public void Equal_stores_whose_revisions_event_ids_and_dead_letter_ids_differ_are_equivalent()
    {
        var expected = Sample();
        var actual = Sample() with
        {
            // Free-running workers batch differently: more revisions, other event ids, other offsets, another ingest order.
            Documents = [.. Sample().Documents.Reverse().Select(d => d with { IngestSeq = d.IngestSeq + 10 })],
            DailySentiments = [Daily("iss1", D0, firmCount: 2) with { EventId = "other", Revision = 3 }],
            RiskScores = [Score("iss1", D0) with { EventId = "other", Revision = 3 }],
            DeadLetters = [Sample().DeadLetters[0] with { DeadLetterId = "news.raw.v1:0:99:ingest", Offset = 99 }],
        };

        var report = StoreEquivalence.Compare(expected, actual);

        Assert.True(report.IsEquivalent, report.Details());
        Assert.Equal(0, report.DoubleCountedTexts);
    }

    [Fact]
    public void A_lost_document_an_extra_alert_and_a_changed_daily_value_are_each_counted()
    {
        var expected = Sample();
        var actual = Sample() with
        {
            Documents = [Sample().Documents[0]],
            Alerts = [.. Sample().Alerts, Alert("alert-2", "iss1", D0, "jump")],
            DailySentiments = [Daily("iss1", D0, firmCount: 2) with { Smoothed = 0.5000001 }],
        };

        var report = StoreEquivalence.Compare(expected, actual);

        Assert.False(report.IsEquivalent);
        Assert.Equal((1, 0, 0), Counts(report[StoreEquivalence.DocumentsTable]));
        Assert.Equal((0, 1, 0), Counts(report[StoreEquivalence.AlertsTable]));
        Assert.Equal((0, 0, 1), Counts(report[StoreEquivalence.DailyIndexTable]));
        Assert.Contains("lost doc2", report[StoreEquivalence.DocumentsTable].Examples[0]);
        Assert.Contains("smoothed=0.5000001", report[StoreEquivalence.DailyIndexTable].Examples[0]);
        Assert.Contains("lost documents 1, extra 0", report.Summary());
    }

    [Fact]
    public void Negative_zero_equals_zero_as_the_two_stores_keep_it_differently()
    {
        var actual = Sample() with { DailySentiments = [Daily("iss1", D0, firmCount: 2) with { Composite = 0.0 }] };
        var expected = Sample() with { DailySentiments = [Daily("iss1", D0, firmCount: 2) with { Composite = -0.0 }] };

        Assert.True(StoreEquivalence.Compare(expected, actual).IsEquivalent);
    }

    [Fact]
    public void A_document_whose_content_hash_changed_is_different()
    {
        var actual = Sample() with { Documents = [Sample().Documents[0], Sample().Documents[1] with { ContentHash = "h-other" }] };

        Assert.Equal((0, 0, 1), Counts(StoreEquivalence.Compare(Sample(), actual)[StoreEquivalence.DocumentsTable]));
    }

    [Fact]
    public void A_daily_firm_count_above_the_stored_texts_of_that_day_is_a_double_counted_text()
    {
        var snapshot = Sample() with { DailySentiments = [Daily("iss1", D0, firmCount: 3)] };

        var report = StoreEquivalence.Compare(Sample(), snapshot);

        Assert.Equal(1, report.DoubleCountedTexts);
        Assert.Equal(0, report.UncountedTexts);
    }

    [Fact]
    public void A_text_the_aggregate_stage_dead_lettered_is_not_expected_in_the_daily_count()
    {
        var late = Firm("f3", "doc3", "iss1", T0);
        var letter = new DeadLetter("sentiment.firm.v1:0:7:aggregate", Topics.FirmSentiment, 0, 7, AggregateStage.StageName, "too_late",
            "too late", null, Convert.ToBase64String(EventJson.Serialize(late)));
        var snapshot = Sample() with { FirmSentiments = [.. Sample().FirmSentiments, late], DeadLetters = [.. Sample().DeadLetters, letter] };

        Assert.Equal((0, 0), StoreEquivalence.CountedTexts(snapshot));
        // Without the dead letter the same row is a text the index misses.
        Assert.Equal((0, 1), StoreEquivalence.CountedTexts(snapshot with { DeadLetters = Sample().DeadLetters }));
    }

    [Fact]
    public void The_same_dead_letter_stored_twice_is_an_extra_one()
    {
        var twice = Sample() with { DeadLetters = [Sample().DeadLetters[0], Sample().DeadLetters[0] with { DeadLetterId = "x", Offset = 5 }] };

        Assert.Equal((0, 1, 0), Counts(StoreEquivalence.Compare(Sample(), twice)[StoreEquivalence.DeadLettersTable]));
    }

    [Fact]
    public void Two_alerts_for_one_issuer_day_and_rule_are_a_duplicated_alert()
    {
        var twice = Sample() with { Alerts = [.. Sample().Alerts, Alert("alert-1b", "iss1", D0, "threshold_crossing")] };

        Assert.Equal(1, StoreEquivalence.Compare(Sample(), twice).DuplicatedAlerts);
    }

    private static (int Lost, int Extra, int Different) Counts(TableDifference t) => (t.Lost, t.Extra, t.Different);

    /// <summary>Two documents naming iss1 on D0, their daily value and score, one alert, one ingest dead letter.</summary>
    private static StoreSnapshot Sample() => new()
    {
        Documents =
        [
            new NewsDocument("doc1", "wire", T0, "h", "b1", "en", "h1", 1),
            new NewsDocument("doc2", "wire", T0.AddHours(1), "h", "b2", "en", "h2", 2),
        ],
        FirmSentiments = [Firm("f1", "doc1", "iss1", T0), Firm("f2", "doc2", "iss1", T0.AddHours(1))],
        DailySentiments = [Daily("iss1", D0, firmCount: 2)],
        RiskScores = [Score("iss1", D0)],
        Alerts = [Alert("alert-1", "iss1", D0, "threshold_crossing")],
        DeadLetters =
        [
            new DeadLetter("news.raw.v1:0:3:ingest", Topics.NewsRaw, 0, 3, "ingest", "malformed_json", "bad", null, Convert.ToBase64String("{x"u8.ToArray())),
        ],
    };

    private static FirmSentiment Firm(string eventId, string docId, string issuerId, DateTimeOffset publishedAt) =>
        new(eventId, docId, issuerId, publishedAt, 0.1, 0.2, 0.7, 0.6, 1, "lexicon", 1);

    private static DailySentiment Daily(string issuerId, DateOnly day, int firmCount) =>
        new($"{issuerId}:{day:yyyy-MM-dd}:0", issuerId, day, 0, 0.6, firmCount, null, 0.42, 0.5, ["doc1", "doc2"]);

    private static RiskScore Score(string issuerId, DateOnly day) =>
        new($"score:{issuerId}:{day:yyyy-MM-dd}:0", issuerId, day, 0, 0.5, 120, -3, 20, 0.9, 0.08, 0.02, RiskClass.Performing, "baseline");

    private static RiskAlert Alert(string alertId, string issuerId, DateOnly day, string rule) =>
        new(alertId, issuerId, day, rule, "warning", "m", 0.5, 0.4, ["doc1"]);
}
