using StreamRisk.Core.Access;
using StreamRisk.Core.Subscriptions;
using StreamRisk.Infrastructure.Postgres;
using StreamRisk.Infrastructure.Tests.Storage;

namespace StreamRisk.Infrastructure.Tests.Postgres;

/// <summary>The subscription store contract, unchanged, against a real PostgreSQL (a fresh schema per case).</summary>
[RequiresEnvironment(PostgresTestDatabase.Variable, PostgresTestDatabase.RequiredBy, "no PostgreSQL for the contract; " + PostgresTestDatabase.HowToStart)]
public sealed class PostgresSubscriptionStore_Contract(PostgresTestDatabase database) : SubscriptionStoreContract, IClassFixture<PostgresTestDatabase>
{
    protected override async Task<(ISubscriptionStore Subscriptions, ITeamStore Teams)> CreateStoresAsync()
    {
        var connection = await database.NewSchemaAsync();
        return (new PostgresSubscriptionStore(connection), new PostgresTeamStore(connection));
    }
}
