using StreamRisk.Core.Storage;
using StreamRisk.Infrastructure.Storage;

namespace StreamRisk.Infrastructure.Tests.Storage;

/// <summary>The SQLite store meets the store contract, each case on a fresh temporary file.</summary>
public sealed class SqliteRiskStore_Contract : RiskStoreContract
{
    private readonly TempDatabase _database = new();

    protected override Task<IRiskStore> CreateStoreAsync() => Task.FromResult<IRiskStore>(new SqliteRiskStore(_database.File));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }
}
