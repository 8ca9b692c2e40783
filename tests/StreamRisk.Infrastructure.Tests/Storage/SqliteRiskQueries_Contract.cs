using StreamRisk.Core.Storage;
using StreamRisk.Core.Storage.Queries;
using StreamRisk.Infrastructure.Storage;

namespace StreamRisk.Infrastructure.Tests.Storage;

/// <summary>The query contract on the SQLite store: written by the store, read on read-only connections to the same file.</summary>
public sealed class SqliteRiskQueries_Contract : RiskQueriesContract
{
    private readonly TempDatabase _database = new();

    protected override Task<(IRiskStore Store, IRiskQueries Queries)> CreateAsync() =>
        Task.FromResult<(IRiskStore, IRiskQueries)>((new SqliteRiskStore(_database.File), new SqliteRiskQueries(_database.File)));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }
}
