using StreamRisk.Core.Storage;
using StreamRisk.Infrastructure.Postgres;
using StreamRisk.Infrastructure.Tests.Storage;

namespace StreamRisk.Infrastructure.Tests.Postgres;

/// <summary>The shared store contract, unchanged, against a real PostgreSQL.</summary>
[RequiresEnvironment(PostgresTestDatabase.Variable, PostgresTestDatabase.RequiredBy, "no PostgreSQL for the contract; " + PostgresTestDatabase.HowToStart)]
public sealed class PostgresRiskStore_Contract(PostgresTestDatabase database) : RiskStoreContract, IClassFixture<PostgresTestDatabase>
{
    protected override async Task<IRiskStore> CreateStoreAsync() => new PostgresRiskStore(await database.NewSchemaAsync());
}
