using Microsoft.Data.Sqlite;
using StreamRisk.Core.Events;
using StreamRisk.Infrastructure.Storage;

namespace StreamRisk.Infrastructure.Tests.Storage;

/// <summary>Migration 3 takes a store written before the input journal as finished, so a run over it resumes nothing.</summary>
public sealed class SqliteMigrations_InputJournal
{
    [Fact]
    public async Task A_store_from_version_2_has_nothing_unfinished_after_migrating()
    {
        var path = Path.Combine(Path.GetTempPath(), "streamrisk-tests", Guid.NewGuid().ToString("N"), "v2.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            SqliteSchemaMigrator.Apply(connection, [.. SqliteMigrations.All.Where(m => m.Version <= 2)], DateTimeOffset.UnixEpoch);
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO raw_inputs (seq, topic, key, value) VALUES (1, 'news.raw.v1', 'a', x'01'), (2, 'spreads.v1', 'b', x'02');
                INSERT INTO documents (doc_id, source, published_at, body, content_hash, ingest_seq)
                    VALUES ('a', 'wire', '2024-01-01T00:00:00.0000000+00:00', 'text', 'h', 1);
                """;
            insert.ExecuteNonQuery();
        }

        await using var store = new SqliteRiskStore(path);
        await store.MigrateAsync();

        var raws = 0;
        await foreach (var _ in store.ReadUnfinishedRawInputsAsync([Topics.NewsRaw, Topics.Spreads, Topics.Fundamentals])) raws++;
        var docs = 0;
        await foreach (var _ in store.ReadUnfinishedDocumentsAsync()) docs++;
        Assert.Equal((0, 0), (raws, docs));
        // Inputs stored before the journal have no content hash; new ones are numbered after them.
        var appended = await store.AppendRawInputsAsync([new(0, Topics.NewsRaw, "c", [3])]);
        Assert.Equal(3, Assert.Single(appended).Seq);
    }
}
