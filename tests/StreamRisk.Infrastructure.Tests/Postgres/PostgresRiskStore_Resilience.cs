using Npgsql;
using StreamRisk.Core.Storage;
using StreamRisk.Infrastructure.Postgres;

namespace StreamRisk.Infrastructure.Tests.Postgres;

/// <summary>Workers starting together, edited migrations and dropped connections, against a real PostgreSQL.</summary>
[RequiresEnvironment(PostgresTestDatabase.Variable, PostgresTestDatabase.RequiredBy, "no PostgreSQL for the store; " + PostgresTestDatabase.HowToStart)]
public sealed class PostgresRiskStore_Resilience(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task Workers_migrating_at_once_apply_each_script_once()
    {
        var connectionString = await database.NewSchemaAsync();
        var stores = Enumerable.Range(0, 4).Select(_ => new PostgresRiskStore(connectionString)).ToList();

        await Task.WhenAll(stores.Select(s => s.MigrateAsync()));

        Assert.Equal(PostgresMigration.Embedded().Select(m => (long)m.Version), await ScalarsAsync(connectionString, "SELECT version FROM schema_migrations ORDER BY version"));
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_migration_edited_after_it_was_applied_stops_the_start()
    {
        var connectionString = await database.NewSchemaAsync();
        await using var store = new PostgresRiskStore(connectionString);
        await store.MigrateAsync();
        await ScalarsAsync(connectionString, "UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1 RETURNING version");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.MigrateAsync());

        Assert.Contains("changed after it was applied", error.Message);
    }

    [Fact]
    public async Task An_upsert_survives_its_pooled_connection_being_killed()
    {
        var applicationName = $"doomed-{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(await database.NewSchemaAsync()) { ApplicationName = applicationName }.ConnectionString;
        await using var store = new PostgresRiskStore(connectionString);
        await store.MigrateAsync();
        await store.CountAsync();

        // Ends the store's idle pooled session, as a server restart or a network cut would.
        var killed = await ScalarsAsync(connectionString,
            $"SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{applicationName}' AND pid <> pg_backend_pid()) k");
        Assert.True(killed[0] >= 1, "no pooled session was found to kill");

        await store.UpsertAsync(new StoreBatch { RawInputs = [new RawInput(1, "news.raw.v1", "k", [7])] });

        Assert.Equal(1, (await store.CountAsync()).RawInputs);
    }

    private static async Task<List<long>> ScalarsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<long>();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToInt64(reader.GetValue(0)));
        }
        return values;
    }
}
