using StreamRisk.Core.Access;
using StreamRisk.Infrastructure.Postgres;
using StreamRisk.Infrastructure.Tests.Storage;

namespace StreamRisk.Infrastructure.Tests.Postgres;

/// <summary>The team store contract, unchanged, against a real PostgreSQL (a fresh schema per case).</summary>
[RequiresEnvironment(PostgresTestDatabase.Variable, PostgresTestDatabase.RequiredBy, "no PostgreSQL for the contract; " + PostgresTestDatabase.HowToStart)]
public sealed class PostgresTeamStore_Contract(PostgresTestDatabase database) : TeamStoreContract, IClassFixture<PostgresTestDatabase>
{
    protected override async Task<ITeamStore> CreateStoreAsync() => new PostgresTeamStore(await database.NewSchemaAsync());
}
