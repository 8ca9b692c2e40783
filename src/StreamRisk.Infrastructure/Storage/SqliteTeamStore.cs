using Microsoft.Data.Sqlite;
using StreamRisk.Core.Access;

namespace StreamRisk.Infrastructure.Storage;

/// <summary>
/// <see cref="ITeamStore"/> in the embedded store's SQLite file, beside the risk tables (see <see cref="SqliteStatements"/>
/// for why administration never needs the pipeline's writer lock).
/// </summary>
public sealed class SqliteTeamStore : ITeamStore
{
    private readonly SqliteRiskStore _schema;
    private readonly SqliteStatements _sql;

    /// <param name="mustExist">Commands that only read or that administer an existing deployment refuse a missing file.</param>
    public SqliteTeamStore(string path, TimeProvider? time = null, bool mustExist = false)
    {
        _schema = new SqliteRiskStore(path, time, syncEachCommit: true, mustExist: mustExist);
        _sql = new SqliteStatements(_schema.DatabasePath);
    }

    public Task MigrateAsync(CancellationToken cancellationToken = default) => _schema.MigrateAsync(cancellationToken);

    public async Task<bool> AddTeamAsync(Team team, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(team);
        return await _sql.ExecuteAsync(
            "INSERT INTO teams (team_id, name, created_at) VALUES (@id, @name, @at) ON CONFLICT (team_id) DO NOTHING",
            [("@id", team.TeamId), ("@name", team.Name), ("@at", StoreValueFormat.Instant(team.CreatedAt))],
            cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<Team?> GetTeamAsync(string teamId, CancellationToken cancellationToken = default) =>
        (await _sql.QueryAsync("SELECT team_id, name, created_at FROM teams WHERE team_id = @id", [("@id", teamId)], ReadTeam,
            cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    public Task<IReadOnlyList<Team>> GetTeamsAsync(CancellationToken cancellationToken = default) =>
        _sql.QueryAsync("SELECT team_id, name, created_at FROM teams ORDER BY team_id", [], ReadTeam, cancellationToken);

    public async Task AddApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        // The foreign key is checked here rather than by PRAGMA foreign_keys, which is per connection and off by default.
        var added = await _sql.ExecuteAsync("""
            INSERT INTO api_keys (key_id, team_id, scopes, secret_sha256, label, issued_at, revoked_at)
            SELECT @key_id, @team_id, @scopes, @hash, @label, @issued_at, @revoked_at
            WHERE EXISTS (SELECT 1 FROM teams WHERE team_id = @team_id)
            """,
            [("@key_id", key.KeyId), ("@team_id", key.TeamId), ("@scopes", ApiScopeNames.Format(key.Scopes)),
             ("@hash", key.SecretSha256), ("@label", key.Label),
             ("@issued_at", StoreValueFormat.Instant(key.IssuedAt)),
             ("@revoked_at", key.RevokedAt is { } revoked ? StoreValueFormat.Instant(revoked) : null)],
            cancellationToken).ConfigureAwait(false);
        if (added == 0)
        {
            throw new InvalidOperationException($"no team '{key.TeamId}' to issue a key to");
        }
    }

    public async Task<ApiKey?> GetApiKeyAsync(string keyId, CancellationToken cancellationToken = default) =>
        (await _sql.QueryAsync(SelectKeys + " WHERE key_id = @id", [("@id", keyId)], ReadKey, cancellationToken).ConfigureAwait(false))
            .SingleOrDefault();

    public Task<IReadOnlyList<ApiKey>> GetApiKeysAsync(string teamId, CancellationToken cancellationToken = default) =>
        _sql.QueryAsync(SelectKeys + " WHERE team_id = @id ORDER BY issued_at, key_id", [("@id", teamId)], ReadKey, cancellationToken);

    public async Task<bool> RevokeApiKeyAsync(string keyId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default) =>
        await _sql.ExecuteAsync("UPDATE api_keys SET revoked_at = @at WHERE key_id = @id AND revoked_at IS NULL",
            [("@id", keyId), ("@at", StoreValueFormat.Instant(revokedAt))], cancellationToken).ConfigureAwait(false) == 1;

    public ValueTask DisposeAsync() => _schema.DisposeAsync();

    private const string SelectKeys = "SELECT key_id, team_id, scopes, secret_sha256, label, issued_at, revoked_at FROM api_keys";

    private static Team ReadTeam(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), StoreValueFormat.ParseInstant(r.GetString(2)));

    private static ApiKey ReadKey(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), ApiScopeNames.Parse(r.GetString(2)), (byte[])r.GetValue(3),
        r.IsDBNull(4) ? null : r.GetString(4), StoreValueFormat.ParseInstant(r.GetString(5)),
        r.IsDBNull(6) ? null : StoreValueFormat.ParseInstant(r.GetString(6)));
}
