using Microsoft.Data.Sqlite;
using StreamRisk.Infrastructure.Storage;

namespace StreamRisk.Infrastructure.Tests.Storage;

/// <summary>
/// A path is checked before a store writes to it: only nothing, an empty file or a StreamRisk store at a version this
/// build knows are accepted; everything else is refused with a message naming the path, and is left as it was.
/// </summary>
public sealed class SqliteStoreFile_Check : IDisposable
{
    private readonly TempDatabase _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public void A_missing_file_is_a_new_store_for_a_writer_and_an_error_for_a_reader()
    {
        Assert.False(SqliteStoreFile.Check(_folder.File));

        var error = Assert.Throws<StoreFileException>(() => SqliteStoreFile.Check(_folder.File, mustExist: true));

        Assert.Equal($"no store at '{_folder.File}'; run `streamrisk run` first or check --db", error.Message);
        Assert.False(File.Exists(_folder.File));
    }

    [Fact]
    public async Task A_store_this_build_migrated_is_accepted()
    {
        await using (var store = new SqliteRiskStore(_folder.File))
        {
            await store.MigrateAsync();
        }

        Assert.True(SqliteStoreFile.Check(_folder.File, mustExist: true));
    }

    [Fact]
    public void A_folder_is_refused_naming_it()
    {
        var error = Assert.Throws<StoreFileException>(() => SqliteStoreFile.Check(_folder.Folder));

        Assert.Contains($"'{_folder.Folder}' is a folder", error.Message);
    }

    [Fact]
    public void An_empty_file_is_a_new_store_for_a_writer_and_refused_for_a_reader()
    {
        File.WriteAllBytes(_folder.File, []);

        Assert.False(SqliteStoreFile.Check(_folder.File));
        Assert.Contains("is empty", Assert.Throws<StoreFileException>(() => SqliteStoreFile.Check(_folder.File, mustExist: true, option: "--from")).Message);
    }

    [Fact]
    public void Bytes_that_are_not_SQLite_are_refused()
    {
        File.WriteAllText(_folder.File, "{\"doc_id\": \"not a database\"}\n");

        var error = Assert.Throws<StoreFileException>(() => SqliteStoreFile.Check(_folder.File));

        Assert.Contains("not a SQLite database", error.Message);
    }

    [Fact]
    public async Task A_store_cut_in_half_is_refused_as_truncated()
    {
        await using (var store = new SqliteRiskStore(_folder.File))
        {
            await store.MigrateAsync();
        }
        SqliteConnection.ClearAllPools();
        Assert.False(File.Exists(_folder.File + "-wal"), "a closed store has checkpointed its WAL");
        var bytes = await File.ReadAllBytesAsync(_folder.File);
        await File.WriteAllBytesAsync(_folder.File, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<StoreFileException>(() => SqliteStoreFile.Check(_folder.File));

        Assert.Contains("truncated", error.Message);
        Assert.Contains(_folder.File, error.Message);
    }

    [Fact]
    public async Task Another_programs_database_is_refused_and_never_migrated_into()
    {
        Execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)");
        await using var store = new SqliteRiskStore(_folder.File);

        var error = await Assert.ThrowsAsync<StoreFileException>(() => store.MigrateAsync());

        Assert.Contains("another program", error.Message);
        Assert.Contains("invoices", error.Message);
        Assert.Equal(["invoices"], Tables());
    }

    [Fact]
    public void A_version_table_that_is_not_ours_is_another_programs()
    {
        // Many programs keep a schema_version table: the steps recorded in it must be StreamRisk's, by number and name.
        Execute("""
            CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
            INSERT INTO schema_version VALUES (1, 'create_users', '2020-01-01');
            CREATE TABLE users (id INTEGER PRIMARY KEY);
            """);

        Assert.Contains("another program", Assert.Throws<StoreFileException>(() => SqliteStoreFile.Check(_folder.File)).Message);
    }

    [Fact]
    public async Task A_store_from_a_newer_build_is_refused_with_upgrade_advice()
    {
        await using (var store = new SqliteRiskStore(_folder.File))
        {
            await store.MigrateAsync();
        }
        var next = SqliteMigrations.All.Max(m => m.Version) + 1;
        Execute($"INSERT INTO schema_version (version, name, applied_at) VALUES ({next}, 'from_the_future', '2999-01-01')");

        var error = Assert.Throws<StoreFileException>(() => SqliteStoreFile.Check(_folder.File));

        Assert.Contains($"written by a newer StreamRisk (schema version {next}", error.Message);
        Assert.Contains("upgrade", error.Message);
    }

    [Fact]
    public void A_full_disk_is_recognised_from_SQLite_and_from_the_OS()
    {
        Assert.True(SqliteStoreFile.IsDiskFull(new SqliteException("database or disk is full", 13)));
        Assert.True(SqliteStoreFile.IsDiskFull(new IOException("No space left on device", 28)));
        Assert.True(SqliteStoreFile.IsDiskFull(new InvalidOperationException("wrapped", new IOException("No space left on device", 28))));
        Assert.False(SqliteStoreFile.IsDiskFull(new SqliteException("constraint failed", 19)));
        // ENOTEMPTY's errno on Linux equals Windows' "handle disk full" code: it must not read as a full disk here.
        Assert.Equal(OperatingSystem.IsWindows(), SqliteStoreFile.IsDiskFull(new IOException("Directory not empty", 39)));

        var explained = SqliteStoreFile.Explain(_folder.File, new SqliteException("database or disk is full", 13));

        Assert.NotNull(explained);
        Assert.Equal($"the disk holding '{_folder.File}' is full (database or disk is full); free space and run the same command again", explained.Message);
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _folder.File, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private List<string> Tables()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _folder.File, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }
}
