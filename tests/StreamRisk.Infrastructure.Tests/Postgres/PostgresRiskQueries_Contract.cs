using StreamRisk.Core.Storage;
using StreamRisk.Core.Storage.Queries;
using StreamRisk.Infrastructure.Postgres;
using StreamRisk.Infrastructure.Tests.Storage;

namespace StreamRisk.Infrastructure.Tests.Postgres;

/// <summary>The query contract, unchanged, against a real PostgreSQL (a fresh schema per case).</summary>
[RequiresEnvironment(PostgresTestDatabase.Variable, PostgresTestDatabase.RequiredBy, "no PostgreSQL for the contract; " + PostgresTestDatabase.HowToStart)]
public sealed class PostgresRiskQueries_Contract(PostgresTestDatabase database) : RiskQueriesContract, IClassFixture<PostgresTestDatabase>
{
    protected override async Task<(IRiskStore Store, IRiskQueries Queries)> CreateAsync()
    {
        var connection = await database.NewSchemaAsync();
        return (new PostgresRiskStore(connection), new PostgresRiskQueries(connection));
    }
}
