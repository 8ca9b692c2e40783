using StreamRisk.Core.Access;
using StreamRisk.Core.Subscriptions;
using StreamRisk.Infrastructure.Storage;

namespace StreamRisk.Infrastructure.Tests.Storage;

/// <summary>The subscription store contract on a fresh SQLite file per case.</summary>
public sealed class SqliteSubscriptionStore_Contract : SubscriptionStoreContract
{
    private readonly TempDatabase _database = new();

    protected override Task<(ISubscriptionStore Subscriptions, ITeamStore Teams)> CreateStoresAsync() =>
        Task.FromResult<(ISubscriptionStore, ITeamStore)>((new SqliteSubscriptionStore(_database.File), new SqliteTeamStore(_database.File)));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }
}
