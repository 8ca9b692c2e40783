using StreamRisk.Core.Storage;
using StreamRisk.Infrastructure.Postgres;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Hosting;

/// <summary>The store a <see cref="PipelineSettings"/> names (not yet migrated).</summary>
public static class RiskStoreFactory
{
    /// <param name="mustExist">The command only reads the store: a SQLite file that does not exist is refused instead of
    /// created empty (a PostgreSQL database is created by the server's administrator, never by StreamRisk).</param>
    public static IRiskStore Create(PipelineSettings settings, bool mustExist = false)
    {
        settings.Validated();
        try
        {
            return settings.Store switch
            {
                StoreKind.Postgres => new PostgresRiskStore(settings.PostgresConnection!),
                _ => new SqliteRiskStore(settings.SqlitePath, mustExist: mustExist),
            };
        }
        catch (ArgumentException ex)
        {
            throw new ConfigurationException(settings.Store == StoreKind.Postgres
                ? $"{PipelineSettings.PostgresVariable} is not a valid connection string: {ex.Message}"
                : $"{PipelineSettings.SqlitePathVariable} is not a valid path: {ex.Message}", ex);
        }
    }
}
