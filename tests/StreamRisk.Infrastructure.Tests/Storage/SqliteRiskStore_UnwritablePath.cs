using StreamRisk.Infrastructure.Storage;

namespace StreamRisk.Infrastructure.Tests.Storage;

/// <summary>A store that cannot be written says where, instead of failing later with a bare SQLite error code.</summary>
public sealed class SqliteRiskStore_UnwritablePath
{
    [Fact]
    public async Task A_path_under_a_regular_file_fails_with_an_exception_naming_the_path()
    {
        using var database = new TempDatabase();
        var blocker = Path.Combine(database.Folder, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "x");
        var path = Path.Combine(blocker, "store.db");
        await using var store = new SqliteRiskStore(path);

        var error = await Assert.ThrowsAsync<StoreFileException>(() => store.MigrateAsync());

        Assert.Contains(path, error.Message);
        Assert.Contains("cannot write", error.Message);
    }

    [Fact]
    public async Task A_missing_folder_is_created()
    {
        using var database = new TempDatabase();
        var path = Path.Combine(database.Folder, "nested", "deeper", "store.db");
        await using var store = new SqliteRiskStore(path);

        await store.MigrateAsync();

        Assert.True(File.Exists(path));
        Assert.Equal(0, (await store.CountAsync()).RawInputs);
    }
}
