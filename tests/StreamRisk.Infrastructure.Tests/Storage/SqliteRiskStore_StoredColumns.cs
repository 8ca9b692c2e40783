using Microsoft.Data.Sqlite;
using StreamRisk.Core.Events;
using StreamRisk.Core.Storage;
using StreamRisk.Infrastructure.Storage;

namespace StreamRisk.Infrastructure.Tests.Storage;

/// <summary>
/// What the SQLite file holds, column by column, for the records the store interface cannot read back (documents,
/// firm and industry sentiment, fundamentals, spreads): instants in UTC, JSON columns canonical, writes idempotent.
/// </summary>
public sealed class SqliteRiskStore_StoredColumns : IAsyncLifetime
{
    private static readonly DateTimeOffset ParisMorning = new(2024, 3, 1, 9, 30, 15, 123, TimeSpan.FromHours(2));

    private readonly TempDatabase _database = new();
    private SqliteRiskStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = new SqliteRiskStore(_database.File);
        await _store.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Instants_are_stored_in_utc_and_days_as_iso_dates()
    {
        await _store.UpsertAsync(Batch());

        Assert.Equal("2024-03-01T07:30:15.1230000+00:00", Scalar("SELECT published_at FROM documents"));
        Assert.Equal("2024-03-01T07:30:15.1230000+00:00", Scalar("SELECT published_at FROM firm_sentiment"));
        Assert.Equal("2023-12-31", Scalar("SELECT period_end FROM fundamentals"));
        Assert.Equal("2024-02-29", Scalar("SELECT day FROM spreads"));
    }

    [Fact]
    public async Task List_and_map_columns_hold_canonical_json()
    {
        await _store.UpsertAsync(Batch());

        Assert.Equal("""[{"topic_id":"top001","similarity":0.1},{"topic_id":"top017","similarity":0.6400000000000001}]""",
            Scalar("SELECT topics FROM industry_sentiment"));
        Assert.Equal("""{"leverage":0.61,"roa":-0.013,"zeta":1}""", Scalar("SELECT indicators FROM fundamentals"));
    }

    [Fact]
    public async Task Every_column_of_every_table_is_the_same_after_a_replayed_batch()
    {
        await _store.UpsertAsync(Batch());
        var once = DumpAllTables();

        await _store.UpsertAsync(Batch());

        Assert.Equal(once, DumpAllTables());
        Assert.Contains("0.30000000000000004", once);
    }

    [Fact]
    public async Task The_database_runs_in_wal_mode_at_the_newest_schema_version()
    {
        await _store.MigrateAsync();

        Assert.Equal("wal", Scalar("PRAGMA journal_mode"));
        Assert.Equal(SqliteMigrations.All.Count.ToString(), Scalar("SELECT MAX(version) FROM schema_version"));
    }

    [Fact]
    public async Task A_second_store_on_the_same_file_sees_the_first_ones_rows()
    {
        await _store.UpsertAsync(Batch());

        await using var reopened = new SqliteRiskStore(_database.File);
        await reopened.MigrateAsync();

        Assert.Equal(await _store.CountAsync(), await reopened.CountAsync());
        Assert.True(await reopened.IsKnownDocumentAsync("doc0001", "other"));
    }

    private static StoreBatch Batch() => new()
    {
        Documents = [new NewsDocument("doc0001", "wire", ParisMorning, null, "Body.", null, "hash0001", 1)],
        FirmSentiments = [new FirmSentiment("firm0001", "doc0001", "iss001", ParisMorning, 0.1 + 0.2, 0.2, 0.5, 0.4, 1, "m", 1)],
        IndustrySentiments = [new IndustrySentiment("ind0001", "doc0001", "ind01", ParisMorning, -0.5, 2.0,
            [new TopicHit("top001", 0.1), new TopicHit("top017", 0.64 + 1e-16)], "m", 1)],
        // Keys out of order: the column orders them ordinally whatever the dictionary's order.
        Fundamentals = [new Fundamentals("iss001", new DateOnly(2023, 12, 31), ParisMorning,
            new Dictionary<string, double> { ["zeta"] = 1, ["roa"] = -0.013, ["leverage"] = 0.61 })],
        Spreads = [new SpreadObservation("iss001", new DateOnly(2024, 2, 29), 250.75)],
    };

    private string? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_database.File};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private string DumpAllTables()
    {
        using var connection = new SqliteConnection($"Data Source={_database.File};Pooling=False");
        connection.Open();
        var lines = new List<string>();
        foreach (var table in new[] { "raw_inputs", "documents", "firm_sentiment", "industry_sentiment", "daily_sentiment",
                     "fundamentals", "spreads", "risk_scores", "alerts", "dead_letters" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} ORDER BY 1, 2";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var cells = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL"
                    : reader.GetValue(i) is double d ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)
                    : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
                lines.Add(table + ": " + string.Join(" | ", cells));
            }
        }
        return string.Join("\n", lines);
    }
}
