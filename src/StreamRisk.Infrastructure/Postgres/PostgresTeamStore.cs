using Npgsql;
using StreamRisk.Core.Access;

namespace StreamRisk.Infrastructure.Postgres;

/// <summary><see cref="ITeamStore"/> on PostgreSQL, in the risk store's schema (its migrations create these tables).</summary>
public sealed class PostgresTeamStore : ITeamStore
{
    private readonly PostgresRiskStore _schema;
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresStatements _sql;

    /// <param name="connectionString">The risk store's connection string; <c>Search Path</c> picks the schema.</param>
    public PostgresTeamStore(string connectionString, TimeProvider? timeProvider = null)
    {
        _schema = new PostgresRiskStore(connectionString, timeProvider);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _sql = new PostgresStatements(_dataSource);
    }

    public Task MigrateAsync(CancellationToken cancellationToken = default) => _schema.MigrateAsync(cancellationToken);

    public async Task<bool> AddTeamAsync(Team team, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(team);
        return await _sql.ExecuteAsync(
            "INSERT INTO teams (team_id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (team_id) DO NOTHING",
            [team.TeamId, team.Name, team.CreatedAt.ToUniversalTime()], cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<Team?> GetTeamAsync(string teamId, CancellationToken cancellationToken = default) =>
        (await _sql.QueryAsync("SELECT team_id, name, created_at FROM teams WHERE team_id = $1", [teamId], ReadTeam, cancellationToken)
            .ConfigureAwait(false)).SingleOrDefault();

    public Task<IReadOnlyList<Team>> GetTeamsAsync(CancellationToken cancellationToken = default) =>
        _sql.QueryAsync("SELECT team_id, name, created_at FROM teams ORDER BY team_id COLLATE \"C\"", [], ReadTeam, cancellationToken);

    public async Task AddApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            await _sql.ExecuteAsync("""
                INSERT INTO api_keys (key_id, team_id, scopes, secret_sha256, label, issued_at, revoked_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                """,
                [key.KeyId, key.TeamId, ApiScopeNames.Format(key.Scopes), key.SecretSha256, key.Label,
                 key.IssuedAt.ToUniversalTime(), key.RevokedAt?.ToUniversalTime()],
                cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new InvalidOperationException($"no team '{key.TeamId}' to issue a key to", e);
        }
    }

    public async Task<ApiKey?> GetApiKeyAsync(string keyId, CancellationToken cancellationToken = default) =>
        (await _sql.QueryAsync(SelectKeys + " WHERE key_id = $1", [keyId], ReadKey, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    public Task<IReadOnlyList<ApiKey>> GetApiKeysAsync(string teamId, CancellationToken cancellationToken = default) =>
        _sql.QueryAsync(SelectKeys + " WHERE team_id = $1 ORDER BY issued_at, key_id COLLATE \"C\"", [teamId], ReadKey, cancellationToken);

    public async Task<bool> RevokeApiKeyAsync(string keyId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default) =>
        await _sql.ExecuteAsync("UPDATE api_keys SET revoked_at = $2 WHERE key_id = $1 AND revoked_at IS NULL",
            [keyId, revokedAt.ToUniversalTime()], cancellationToken).ConfigureAwait(false) == 1;

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        await _schema.DisposeAsync().ConfigureAwait(false);
    }

    private const string SelectKeys = "SELECT key_id, team_id, scopes, secret_sha256, label, issued_at, revoked_at FROM api_keys";

    private static Team ReadTeam(NpgsqlDataReader r) => new(r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2));

    private static ApiKey ReadKey(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), ApiScopeNames.Parse(r.GetString(2)), r.GetFieldValue<byte[]>(3),
        r.IsDBNull(4) ? null : r.GetString(4), r.GetFieldValue<DateTimeOffset>(5),
        r.IsDBNull(6) ? null : r.GetFieldValue<DateTimeOffset>(6));
}
