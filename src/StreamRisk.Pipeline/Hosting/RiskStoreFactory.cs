using StreamRisk.Core.Access;
using StreamRisk.Core.Storage;
using StreamRisk.Core.Storage.Queries;
using StreamRisk.Core.Subscriptions;
using StreamRisk.Infrastructure.Postgres;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Hosting;

/// <summary>The stores in the database a <see cref="PipelineSettings"/> names (not yet migrated).</summary>
public static class RiskStoreFactory
{
    /// <param name="mustExist">The command only reads the store: a SQLite file that does not exist is refused instead of
    /// created empty (a PostgreSQL database is created by the server's administrator, never by StreamRisk).</param>
    public static IRiskStore Create(PipelineSettings settings, bool mustExist = false) =>
        Open<IRiskStore>(settings,
            postgres: connection => new PostgresRiskStore(connection),
            sqlite: path => new SqliteRiskStore(path, mustExist: mustExist));

    /// <summary>Teams and API keys, in the same database as the risk store.</summary>
    public static ITeamStore CreateTeamStore(PipelineSettings settings, bool mustExist = false) =>
        Open<ITeamStore>(settings,
            postgres: connection => new PostgresTeamStore(connection),
            sqlite: path => new SqliteTeamStore(path, mustExist: mustExist));

    /// <summary>Subscriptions, the teams' feeds and the webhook delivery log, in the same database as the risk store.</summary>
    public static ISubscriptionStore CreateSubscriptionStore(PipelineSettings settings, bool mustExist = false) =>
        Open<ISubscriptionStore>(settings,
            postgres: connection => new PostgresSubscriptionStore(connection),
            sqlite: path => new SqliteSubscriptionStore(path, mustExist: mustExist));

    /// <summary>The read side of the store, for the query API: never migrates and never writes (a SQLite file is opened
    /// read-only, so it can be served while a run writes it).</summary>
    public static IRiskQueries CreateQueries(PipelineSettings settings) =>
        Open<IRiskQueries>(settings,
            postgres: connection => new PostgresRiskQueries(connection),
            sqlite: path => new SqliteRiskQueries(path));

    private static T Open<T>(PipelineSettings settings, Func<string, T> postgres, Func<string, T> sqlite)
    {
        settings.Validated();
        try
        {
            return settings.Store == StoreKind.Postgres ? postgres(settings.PostgresConnection!) : sqlite(settings.SqlitePath);
        }
        catch (ArgumentException ex)
        {
            throw new ConfigurationException(settings.Store == StoreKind.Postgres
                ? $"{PipelineSettings.PostgresVariable} is not a valid connection string: {ex.Message}"
                : $"{PipelineSettings.SqlitePathVariable} is not a valid path: {ex.Message}", ex);
        }
    }
}
