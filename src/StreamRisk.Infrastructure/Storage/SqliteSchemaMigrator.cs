using System.Globalization;
using Microsoft.Data.Sqlite;

namespace StreamRisk.Infrastructure.Storage;

/// <summary>
/// Brings a SQLite database up to the newest migration, in one IMMEDIATE transaction so that two processes starting
/// together cannot both apply a step. A database written by a newer build is refused rather than guessed at.
/// </summary>
public static class SqliteSchemaMigrator
{
    /// <returns>The versions applied now (empty when the schema was current).</returns>
    public static IReadOnlyList<int> Apply(SqliteConnection connection, IReadOnlyList<SqliteMigration> migrations, DateTimeOffset now)
    {
        var applied = new List<int>();
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at TEXT NOT NULL
            ) STRICT
            """);
        var current = CurrentVersion(connection, transaction);
        var newest = migrations.Count == 0 ? 0 : migrations.Max(m => m.Version);
        if (current > newest)
        {
            throw new InvalidOperationException(
                $"The database schema is at version {current}, newer than this build knows ({newest}); use a newer StreamRisk.");
        }

        foreach (var migration in migrations.OrderBy(m => m.Version))
        {
            if (migration.Version <= current)
            {
                continue;
            }
            Execute(connection, transaction, migration.Sql);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES ($version, $name, $applied_at)";
            record.Parameters.AddWithValue("$version", migration.Version);
            record.Parameters.AddWithValue("$name", migration.Name);
            record.Parameters.AddWithValue("$applied_at", StoreValueFormat.Instant(now));
            record.ExecuteNonQuery();
            applied.Add(migration.Version);
        }
        transaction.Commit();
        return applied;
    }

    public static int CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs every statement of <paramref name="sql"/>: ExecuteNonQuery stops at the first statement that returns
    /// rows and would leave the rest of a migration, and its errors, unseen.</summary>
    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.NextResult())
        {
        }
    }
}
