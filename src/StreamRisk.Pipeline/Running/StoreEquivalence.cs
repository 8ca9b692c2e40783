using System.Globalization;
using StreamRisk.Core.Events;
using StreamRisk.Core.Storage;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Running;

/// <summary>What one store holds, read once, in the shape <see cref="StoreEquivalence"/> compares.</summary>
public sealed record StoreSnapshot
{
    public IReadOnlyList<NewsDocument> Documents { get; init; } = [];
    public IReadOnlyList<FirmSentiment> FirmSentiments { get; init; } = [];
    public IReadOnlyList<IndustrySentiment> IndustrySentiments { get; init; } = [];

    /// <summary>Final daily index rows (the store keeps the highest revision per issuer and day).</summary>
    public IReadOnlyList<DailySentiment> DailySentiments { get; init; } = [];

    /// <summary>Final risk scores (highest revision per issuer and day).</summary>
    public IReadOnlyList<RiskScore> RiskScores { get; init; } = [];

    public IReadOnlyList<RiskAlert> Alerts { get; init; } = [];
    public IReadOnlyList<DeadLetter> DeadLetters { get; init; } = [];

    /// <summary>Reads every table the comparison needs through <see cref="IRiskStore"/>'s read methods; daily values and
    /// scores are read per issuer, so the caller names the issuers (the reference data's).</summary>
    public static async Task<StoreSnapshot> ReadAsync(IRiskStore store, IEnumerable<string> issuerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var daily = new List<DailySentiment>();
        var scores = new List<RiskScore>();
        foreach (var issuer in issuerIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            daily.AddRange(await store.GetDailySentimentAsync(issuer, cancellationToken).ConfigureAwait(false));
            scores.AddRange(await store.GetRiskScoresAsync(issuer, cancellationToken).ConfigureAwait(false));
        }
        return new StoreSnapshot
        {
            Documents = await store.GetDocumentsAsync(cancellationToken).ConfigureAwait(false),
            FirmSentiments = await store.GetFirmSentimentsAsync(cancellationToken).ConfigureAwait(false),
            IndustrySentiments = await store.GetIndustrySentimentsAsync(cancellationToken).ConfigureAwait(false),
            DailySentiments = daily,
            RiskScores = scores,
            Alerts = await store.GetAlertsAsync(cancellationToken).ConfigureAwait(false),
            DeadLetters = await store.GetDeadLettersAsync(cancellationToken).ConfigureAwait(false),
        };
    }
}

/// <summary>How one table of the actual store differs from the expected one, keyed by value identity.</summary>
/// <param name="Lost">Keys the expected store has and the actual one lacks.</param>
/// <param name="Extra">Keys only the actual store has (for dead letters: extra copies of the same letter count too).</param>
/// <param name="Different">Keys both hold with different compared values.</param>
/// <param name="Examples">The first few differences, readable.</param>
public sealed record TableDifference(string Table, int Expected, int Actual, int Lost, int Extra, int Different, IReadOnlyList<string> Examples)
{
    public bool IsEqual => Lost == 0 && Extra == 0 && Different == 0;

    public override string ToString() =>
        $"{Table}: {Expected} expected, {Actual} actual; lost {Lost}, extra {Extra}, different {Different}"
        + (Examples.Count == 0 ? "" : Environment.NewLine + string.Join(Environment.NewLine, Examples.Select(e => "    " + e)));
}

/// <summary>The outcome of <see cref="StoreEquivalence.Compare"/>.</summary>
/// <param name="DoubleCountedTexts">Over every (issuer, day) of the actual store: the final firm_count minus the firm-sentiment
/// rows stored for that issuer and UTC publication day that the aggregate stage did not dead-letter, where positive.
/// A text counted twice in a daily index shows here; 0 when every text is counted once.</param>
/// <param name="UncountedTexts">The same difference where negative: stored firm texts the final daily index does not count.</param>
/// <param name="DuplicatedAlerts">Alerts of the actual store beyond the first for the same issuer, day and rule.</param>
public sealed record StoreEquivalenceReport(
    IReadOnlyList<TableDifference> Tables, long DoubleCountedTexts, long UncountedTexts, int DuplicatedAlerts)
{
    public bool IsEquivalent => Tables.All(t => t.IsEqual) && DoubleCountedTexts == 0 && UncountedTexts == 0 && DuplicatedAlerts == 0;

    public TableDifference this[string table] => Tables.Single(t => t.Table == table);

    /// <summary>One line with the figures the crash test promises, e.g. for a CI log.</summary>
    public string Summary() =>
        $"lost documents {this[StoreEquivalence.DocumentsTable].Lost}, extra {this[StoreEquivalence.DocumentsTable].Extra}; "
        + $"double-counted texts {DoubleCountedTexts}, uncounted texts {UncountedTexts}; duplicated alerts {DuplicatedAlerts}; "
        + string.Join("; ", Tables.Select(t => $"{t.Table} lost {t.Lost}/extra {t.Extra}/different {t.Different}"));

    /// <summary>Every table that differs, with examples; empty when the stores are equivalent.</summary>
    public string Details() => string.Join(Environment.NewLine, Tables.Where(t => !t.IsEqual).Select(t => t.ToString()));
}

/// <summary>
/// Compares two stores by value: what a crash-recovered or free-running pipeline stored against what an uninterrupted,
/// lock-step run stored over the same input. Identities that legitimately depend on batching (revision numbers, the
/// event ids of daily values and scores, dead-letter ids built from offsets) are not compared; the final values are.
/// Pure: it reads nothing but the two snapshots.
/// </summary>
public static class StoreEquivalence
{
    public const string DocumentsTable = "documents";
    public const string FirmSentimentTable = "firm_sentiment";
    public const string IndustrySentimentTable = "industry_sentiment";
    public const string DailyIndexTable = "daily_index";
    public const string RiskScoreTable = "risk_scores";
    public const string AlertsTable = "alerts";
    public const string DeadLettersTable = "dead_letters";

    /// <summary>How many differences per table are spelled out.</summary>
    public const int ExampleCount = 5;

    public static StoreEquivalenceReport Compare(StoreSnapshot expected, StoreSnapshot actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var tables = new List<TableDifference>
        {
            // A document is its id and its content hash (the ingest sequence depends on arrival interleaving).
            Table(DocumentsTable, expected.Documents, actual.Documents, d => d.DocId, d => d.ContentHash),
            // Sentiment rows are keyed by event id; their values follow from the text alone.
            Table(FirmSentimentTable, expected.FirmSentiments, actual.FirmSentiments, f => f.EventId,
                f => Join(f.DocId, f.IssuerId, Instant(f.PublishedAt), Number(f.Score))),
            Table(IndustrySentimentTable, expected.IndustrySentiments, actual.IndustrySentiments, i => i.EventId,
                i => Join(i.DocId, i.IndustryId, Instant(i.PublishedAt), Number(i.Score), Number(i.Weight))),
            // The final value per issuer and day; revision and event id count how the input was batched, not what it said.
            Table(DailyIndexTable, Final(expected.DailySentiments), Final(actual.DailySentiments), d => Join(d.IssuerId, Day(d.Day)),
                d => Join($"firm_count={d.FirmCount}", $"firm_score={Number(d.FirmScore)}", $"meso_score={Number(d.MesoScore)}",
                    $"composite={Number(d.Composite)}", $"smoothed={Number(d.Smoothed)}", $"top_doc_ids={string.Join(',', d.TopDocIds)}")),
            Table(RiskScoreTable, Final(expected.RiskScores), Final(actual.RiskScores), s => Join(s.IssuerId, Day(s.AsOf)),
                s => Join($"index={Number(s.IndexValue)}", $"spread={Number(s.LastSpreadBps)}", $"forecast={Number(s.SpreadChangeForecastBps)}",
                    $"p=({Number(s.PPerforming)},{Number(s.PExtended)},{Number(s.PDefaulted)})", $"class={s.RiskClass}",
                    $"evidence={string.Join(',', s.EvidenceDocIds)}")),
            // Alerts in force: one raised on a provisional value and retracted when the value was revised is history.
            Table(AlertsTable, InForce(expected.Alerts), InForce(actual.Alerts), a => a.AlertId,
                a => Join(a.IssuerId, Day(a.AsOf), a.Rule, a.Severity, Number(a.Value), Number(a.Threshold), string.Join(',', a.EvidenceDocIds))),
            DeadLetters(expected.DeadLetters, actual.DeadLetters),
        };
        var (doubleCounted, uncounted) = CountedTexts(actual);
        var duplicatedAlerts = actual.Alerts.GroupBy(a => (a.IssuerId, a.AsOf, a.Rule)).Sum(g => g.Count() - 1);
        return new StoreEquivalenceReport(tables, doubleCounted, uncounted, duplicatedAlerts);
    }

    private static IReadOnlyList<RiskAlert> InForce(IReadOnlyList<RiskAlert> alerts) => [.. alerts.Where(a => a.Status == RiskAlert.Active)];

    /// <summary>
    /// Texts the final daily index counts against texts the store holds: for every (issuer, UTC day), the final firm_count
    /// minus the stored firm-sentiment rows of that issuer and day that the aggregate stage did not dead-letter (e.g. as
    /// too late). Positive sums are double-counted texts, negative ones texts the index misses.
    /// </summary>
    public static (long DoubleCounted, long Uncounted) CountedTexts(StoreSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var rejected = new HashSet<string>(StringComparer.Ordinal);
        foreach (var letter in snapshot.DeadLetters)
        {
            if (letter.Stage == AggregateStage.StageName && letter.SourceTopic == Topics.FirmSentiment
                && TryReadFirm(letter.OriginalBase64) is { } firm)
            {
                rejected.Add(firm.EventId);
            }
        }
        var stored = snapshot.FirmSentiments
            .Where(f => !rejected.Contains(f.EventId))
            .GroupBy(f => (f.IssuerId, Day: DateOnly.FromDateTime(f.PublishedAt.UtcDateTime)))
            .ToDictionary(g => g.Key, g => g.Select(f => f.EventId).Distinct(StringComparer.Ordinal).Count());
        var counted = Final(snapshot.DailySentiments).ToDictionary(d => (d.IssuerId, d.Day), d => d.FirmCount);
        long doubleCounted = 0, uncounted = 0;
        foreach (var key in stored.Keys.Union(counted.Keys))
        {
            var difference = counted.GetValueOrDefault(key) - stored.GetValueOrDefault(key);
            if (difference > 0) doubleCounted += difference;
            else uncounted -= difference;
        }
        return (doubleCounted, uncounted);
    }

    private static FirmSentiment? TryReadFirm(string base64)
    {
        try
        {
            return EventJson.Deserialize<FirmSentiment>(Convert.FromBase64String(base64));
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>The highest revision per issuer and day (a store keeps only that one; a snapshot built otherwise may not).</summary>
    private static IEnumerable<DailySentiment> Final(IEnumerable<DailySentiment> rows) =>
        rows.GroupBy(d => (d.IssuerId, d.Day)).Select(g => g.MaxBy(d => d.Revision)!);

    private static IEnumerable<RiskScore> Final(IEnumerable<RiskScore> rows) =>
        rows.GroupBy(s => (s.IssuerId, s.AsOf)).Select(g => g.MaxBy(s => s.Revision)!);

    /// <summary>Dead letters have no identity that survives re-batching (their id holds the offset): a letter is its stage,
    /// reason code and original bytes, and the tables are compared as multisets of those.</summary>
    private static TableDifference DeadLetters(IReadOnlyList<DeadLetter> expected, IReadOnlyList<DeadLetter> actual)
    {
        static Dictionary<string, int> Multiset(IEnumerable<DeadLetter> letters) => letters
            .GroupBy(l => Join(l.Stage, l.ReasonCode, l.OriginalBase64), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var a = Multiset(expected);
        var b = Multiset(actual);
        int lost = 0, extra = 0;
        var examples = new List<string>();
        foreach (var key in a.Keys.Union(b.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var difference = b.GetValueOrDefault(key) - a.GetValueOrDefault(key);
            if (difference == 0) continue;
            if (difference < 0) lost -= difference;
            else extra += difference;
            if (examples.Count < ExampleCount)
            {
                examples.Add($"{(difference < 0 ? "lost" : "extra")} ×{Math.Abs(difference)}: {Abbreviate(key)}");
            }
        }
        return new TableDifference(DeadLettersTable, expected.Count, actual.Count, lost, extra, 0, examples);
    }

    private static TableDifference Table<T>(string name, IEnumerable<T> expectedRows, IEnumerable<T> actualRows,
        Func<T, string> key, Func<T, string> value)
    {
        var expectedList = expectedRows.ToList();
        var actualList = actualRows.ToList();
        var expected = ByKey(expectedList, key, value);
        var actual = ByKey(actualList, key, value);
        int lost = 0, extra = 0, different = 0;
        var examples = new List<string>();
        void Example(string text)
        {
            if (examples.Count < ExampleCount) examples.Add(text);
        }
        foreach (var (k, v) in expected.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!actual.TryGetValue(k, out var w))
            {
                lost++;
                Example($"lost {k}: {Abbreviate(v)}");
            }
            else if (!string.Equals(v, w, StringComparison.Ordinal))
            {
                different++;
                Example($"different {k}: expected {Abbreviate(v)} / actual {Abbreviate(w)}");
            }
        }
        foreach (var (k, w) in actual.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!expected.ContainsKey(k))
            {
                extra++;
                Example($"extra {k}: {Abbreviate(w)}");
            }
        }
        // A key held twice (which no store should allow) is extra too.
        extra += actualList.Count - actual.Count;
        return new TableDifference(name, expectedList.Count, actualList.Count, lost, extra, different, examples);
    }

    /// <summary>Rows by key; a key seen twice keeps its first value.</summary>
    private static Dictionary<string, string> ByKey<T>(IEnumerable<T> rows, Func<T, string> key, Func<T, string> value)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            map.TryAdd(key(row), value(row));
        }
        return map;
    }

    private static string Join(params string[] parts) => string.Join('|', parts);

    // "R" keeps every bit: the promise is equal values, not close ones. Negative zero equals zero (SQLite stores -0.0 as
    // 0, PostgreSQL keeps the sign).
    private static string Number(double value) => value == 0 ? "0" : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Number(double? value) => value is { } v ? Number(v) : "null";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Instant(DateTimeOffset t) => t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static string Abbreviate(string text) => text.Length <= 160 ? text : text[..157] + "...";
}
