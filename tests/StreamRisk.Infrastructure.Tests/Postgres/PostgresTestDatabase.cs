using Npgsql;

namespace StreamRisk.Infrastructure.Tests.Postgres;

/// <summary>
/// The PostgreSQL that <c>infra/scripts/start-postgres.sh</c> starts, named by <c>STREAMRISK_TEST_POSTGRES</c>. Each store
/// a test asks for lives in a schema of its own, dropped when the test class ends, so cases never see each other's rows.
/// Connects lazily: a class whose tests are skipped never touches the server.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncLifetime
{
    public const string Variable = "STREAMRISK_TEST_POSTGRES";
    public const string RequiredBy = "STREAMRISK_REQUIRE_POSTGRES";
    public const string HowToStart = "start one with: eval \"$(bash infra/scripts/start-postgres.sh)\"";

    private readonly List<string> schemas = [];

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set and {RequiredBy}=1 demands PostgreSQL: {HowToStart}");

    /// <summary>A fresh, empty schema; the returned connection string points its search path there.</summary>
    public async Task<string> NewSchemaAsync()
    {
        var schema = $"t_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync();
        }
        lock (schemas)
        {
            schemas.Add(schema);
        }
        return new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ConnectionString;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (schemas.Count == 0)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        foreach (var schema in schemas)
        {
            await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
