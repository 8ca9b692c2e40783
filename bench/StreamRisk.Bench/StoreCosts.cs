using System.Diagnostics;
using System.Globalization;
using System.Text;
using StreamRisk.Core.Events;
using StreamRisk.Core.Ingest;
using StreamRisk.Core.Storage;
using StreamRisk.Infrastructure.Postgres;
using StreamRisk.Infrastructure.Storage;

namespace StreamRisk.Bench;

/// <summary>
/// Upsert rate of the stores for the writes one text causes on the ingest→firm path (raw input, document, firm
/// sentiment, and the outbox entry a worker writes with each emitted event), in batches of 512 as the stages write them.
/// </summary>
public static class StoreCosts
{
    private const int BatchSize = 512;

    public sealed record Row(string Store, string Table, double MicrosPerRow)
    {
        public double RowsPerSecond => 1e6 / MicrosPerRow;
    }

    /// <param name="postgres">A connection string to also measure PostgreSQL (a schema of its own, dropped after).</param>
    public static async Task<IReadOnlyList<Row>> MeasureAsync(BenchCorpus corpus, int documents, string? postgres)
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var admission = new NewsAdmission(new IngestOptions(), TimeProvider.System);
        var raws = Enumerable.Range(0, documents).Select(i => corpus.Document(i, start)).ToArray();
        var docs = raws.Select((b, i) => admission.Admit(EventJson.Deserialize<RawNews>(b), i + 1).Document!).ToArray();
        var headers = new Dictionary<string, string> { ["ce_id"] = "x", ["ce_type"] = "dev.streamrisk.docs.v1", ["ce_source"] = "/streamrisk/ingest" };
        (string Table, Func<int, int, StoreBatch> BatchOf)[] tables =
        [
            ("raw inputs", (from, n) => new StoreBatch { RawInputs = raws.Skip(from).Take(n).Select((v, k) => new RawInput(from + k + 1, Topics.NewsRaw, "k", v)).ToArray() }),
            ("documents", (from, n) => new StoreBatch { Documents = docs.Skip(from).Take(n).ToArray() }),
            ("firm sentiment", (from, n) => new StoreBatch { FirmSentiments = docs.Skip(from).Take(n).Select(d => new FirmSentiment(d.DocId + ":x", d.DocId, "x", d.PublishedAt, 0.2, 0.5, 0.3, 0.1, 1, "m", d.IngestSeq)).ToArray() }),
            ("outbox (document events)", (from, n) => new StoreBatch { Outbox = docs.Skip(from).Take(n).Select(d => new OutboxMessage("ingest", Topics.Docs, d.DocId, d.DocId, EventJson.Serialize(d), headers)).ToArray() }),
        ];

        var rows = new List<Row>();
        foreach (var sync in new[] { true, false })
        {
            var dir = Directory.CreateTempSubdirectory("streamrisk-store-bench-").FullName;
            await using (var store = new SqliteRiskStore(Path.Combine(dir, "s.db"), syncEachCommit: sync))
            {
                await store.MigrateAsync();
                rows.AddRange(await TimeAsync(store, sync ? "SQLite, synchronous=FULL" : "SQLite, synchronous=NORMAL", tables, documents));
            }
            Directory.Delete(dir, recursive: true);
        }
        if (postgres is not null)
        {
            var schema = "bench_" + Guid.NewGuid().ToString("N");
            await ExecuteAsync(postgres, $"CREATE SCHEMA {schema}");
            try
            {
                await using var store = new PostgresRiskStore(new Npgsql.NpgsqlConnectionStringBuilder(postgres) { SearchPath = schema }.ConnectionString);
                await store.MigrateAsync();
                rows.AddRange(await TimeAsync(store, "PostgreSQL", tables, documents));
            }
            finally
            {
                await ExecuteAsync(postgres, $"DROP SCHEMA {schema} CASCADE");
            }
        }
        return rows;
    }

    public static string Markdown(IReadOnlyList<Row> rows, int documents, string? postgresNote)
    {
        var text = new StringBuilder()
            .AppendLine("## Store upsert rate")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, .NET {Environment.Version}; "
                + $"{documents:N0} rows per table in transactions of {BatchSize} rows, one writer, as a stage writes them. {postgresNote}")
            .AppendLine("Command: `dotnet run -c Release --project bench/StreamRisk.Bench -- --store-costs --postgres \"$STREAMRISK_TEST_POSTGRES\" --write`")
            .AppendLine()
            .AppendLine("| store | rows | µs per row | rows per second |")
            .AppendLine("|---|---|---|---|");
        foreach (var r in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Store} | {r.Table} | {r.MicrosPerRow:0.0} | {r.RowsPerSecond:N0} |");
        }
        return text.ToString();
    }

    private static async Task<List<Row>> TimeAsync(IRiskStore store, string name, (string Table, Func<int, int, StoreBatch> BatchOf)[] tables, int documents)
    {
        var rows = new List<Row>();
        foreach (var (table, batchOf) in tables)
        {
            var batches = Enumerable.Range(0, (documents + BatchSize - 1) / BatchSize)
                .Select(b => batchOf(b * BatchSize, Math.Min(BatchSize, documents - b * BatchSize))).ToArray();
            var sw = Stopwatch.StartNew();
            foreach (var batch in batches)
            {
                await store.UpsertAsync(batch);
            }
            rows.Add(new Row(name, table, sw.Elapsed.TotalMilliseconds * 1000 / documents));
            Console.WriteLine($"  {name,-26} {table,-26} {rows[^1].MicrosPerRow,7:0.0} µs/row = {rows[^1].RowsPerSecond,9:N0} rows/s (batches of {BatchSize})");
        }
        return rows;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
