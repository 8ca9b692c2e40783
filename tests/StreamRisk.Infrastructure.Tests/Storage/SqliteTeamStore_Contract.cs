using StreamRisk.Core.Access;
using StreamRisk.Infrastructure.Storage;

namespace StreamRisk.Infrastructure.Tests.Storage;

/// <summary>The team store contract on a fresh SQLite file per case.</summary>
public sealed class SqliteTeamStore_Contract : TeamStoreContract
{
    private readonly TempDatabase _database = new();

    protected override Task<ITeamStore> CreateStoreAsync() => Task.FromResult<ITeamStore>(new SqliteTeamStore(_database.File));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }
}
