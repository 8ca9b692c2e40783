using Microsoft.Data.Sqlite;
using StreamRisk.Infrastructure.Storage;

namespace StreamRisk.Infrastructure.Tests.Storage;

/// <summary>Each migration runs once, in order, and is recorded; a database from a newer build is refused.</summary>
public sealed class SqliteSchemaMigrator_Versions : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly SqliteMigration First = new(1, "001_first", "CREATE TABLE a (x INTEGER) STRICT;");
    private static readonly SqliteMigration Second = new(2, "002_second", "ALTER TABLE a ADD COLUMN y TEXT;");

    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SqliteSchemaMigrator_Versions() => _connection.Open();

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void Only_migrations_newer_than_the_recorded_version_run()
    {
        Assert.Equal([1], SqliteSchemaMigrator.Apply(_connection, [First], Now));
        Assert.Equal([2], SqliteSchemaMigrator.Apply(_connection, [Second, First], Now));
        Assert.Empty(SqliteSchemaMigrator.Apply(_connection, [First, Second], Now));

        Assert.Equal(2, SqliteSchemaMigrator.CurrentVersion(_connection));
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT group_concat(version || ':' || name || ':' || applied_at, '|') FROM schema_version ORDER BY version";
        Assert.Equal("1:001_first:2024-01-02T03:04:05.0000000+00:00|2:002_second:2024-01-02T03:04:05.0000000+00:00", command.ExecuteScalar());
    }

    [Fact]
    public void A_failing_migration_leaves_the_schema_as_it_was()
    {
        SqliteSchemaMigrator.Apply(_connection, [First], Now);
        var broken = new SqliteMigration(3, "003_broken", "ALTER TABLE a ADD COLUMN z TEXT; SELECT * FROM no_such_table;");

        Assert.ThrowsAny<SqliteException>(() => SqliteSchemaMigrator.Apply(_connection, [First, Second, broken], Now));

        Assert.Equal(1, SqliteSchemaMigrator.CurrentVersion(_connection));
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM pragma_table_info('a')";
        Assert.Equal(1L, command.ExecuteScalar());
    }

    [Fact]
    public void A_database_from_a_newer_build_is_refused()
    {
        SqliteSchemaMigrator.Apply(_connection, [First, Second], Now);

        var error = Assert.Throws<InvalidOperationException>(() => SqliteSchemaMigrator.Apply(_connection, [First], Now));

        Assert.Contains("version 2", error.Message);
    }

    [Fact]
    public void The_shipped_migrations_are_numbered_from_one_without_gaps()
    {
        Assert.Equal(Enumerable.Range(1, SqliteMigrations.All.Count), SqliteMigrations.All.Select(m => m.Version));
        Assert.All(SqliteMigrations.All, m => Assert.StartsWith($"{m.Version:000}_", m.Name));
    }
}
