namespace StreamRisk.Core.Access;

/// <summary>
/// Teams and their API keys. Lives in the same database as the risk store (SQLite file or PostgreSQL schema), in tables
/// of its own, and is written by administration commands while a pipeline may be writing the risk tables.
/// </summary>
public interface ITeamStore : IAsyncDisposable
{
    /// <summary>Creates or upgrades the schema (the risk store's migrations, which include these tables).</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <returns>False, and nothing written, when a team with that id exists.</returns>
    Task<bool> AddTeamAsync(Team team, CancellationToken cancellationToken = default);

    Task<Team?> GetTeamAsync(string teamId, CancellationToken cancellationToken = default);

    /// <summary>Every team, by id.</summary>
    Task<IReadOnlyList<Team>> GetTeamsAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a newly issued key; its team must exist.</summary>
    Task AddApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default);

    Task<ApiKey?> GetApiKeyAsync(string keyId, CancellationToken cancellationToken = default);

    /// <summary>The team's keys, revoked ones included, oldest first.</summary>
    Task<IReadOnlyList<ApiKey>> GetApiKeysAsync(string teamId, CancellationToken cancellationToken = default);

    /// <returns>False when no such key exists or it was already revoked (its first revocation time is kept).</returns>
    Task<bool> RevokeApiKeyAsync(string keyId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default);
}
