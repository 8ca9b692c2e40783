using Microsoft.Data.Sqlite;
using StreamRisk.Core.Access;

namespace StreamRisk.Infrastructure.Storage;

/// <summary>
/// <see cref="ITeamStore"/> in the embedded store's SQLite file. Each call opens a pooled connection of its own: these
/// writes are rare and small, and SQLite serialises them with a running pipeline's writes (WAL, busy timeout), so
/// administration never needs the pipeline's writer lock.
/// </summary>
public sealed class SqliteTeamStore : ITeamStore
{
    private readonly SqliteRiskStore _schema;
    private readonly string _connectionString;

    /// <param name="mustExist">Commands that only read or that administer an existing deployment refuse a missing file.</param>
    public SqliteTeamStore(string path, TimeProvider? time = null, bool mustExist = false)
    {
        _schema = new SqliteRiskStore(path, time, syncEachCommit: true, mustExist: mustExist);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _schema.DatabasePath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = true,
        }.ToString();
    }

    public Task MigrateAsync(CancellationToken cancellationToken = default) => _schema.MigrateAsync(cancellationToken);

    public async Task<bool> AddTeamAsync(Team team, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(team);
        return await ExecuteAsync(
            "INSERT INTO teams (team_id, name, created_at) VALUES (@id, @name, @at) ON CONFLICT (team_id) DO NOTHING",
            [("@id", team.TeamId), ("@name", team.Name), ("@at", StoreValueFormat.Instant(team.CreatedAt))],
            cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<Team?> GetTeamAsync(string teamId, CancellationToken cancellationToken = default) =>
        (await QueryAsync("SELECT team_id, name, created_at FROM teams WHERE team_id = @id", [("@id", teamId)], ReadTeam,
            cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    public Task<IReadOnlyList<Team>> GetTeamsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync("SELECT team_id, name, created_at FROM teams ORDER BY team_id", [], ReadTeam, cancellationToken);

    public async Task AddApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        // The foreign key is checked here rather than by PRAGMA foreign_keys, which is per connection and off by default.
        var added = await ExecuteAsync("""
            INSERT INTO api_keys (key_id, team_id, scopes, secret_sha256, label, issued_at, revoked_at)
            SELECT @key_id, @team_id, @scopes, @hash, @label, @issued_at, @revoked_at
            WHERE EXISTS (SELECT 1 FROM teams WHERE team_id = @team_id)
            """,
            [("@key_id", key.KeyId), ("@team_id", key.TeamId), ("@scopes", ApiScopeNames.Format(key.Scopes)),
             ("@hash", key.SecretSha256), ("@label", (object?)key.Label ?? DBNull.Value),
             ("@issued_at", StoreValueFormat.Instant(key.IssuedAt)),
             ("@revoked_at", key.RevokedAt is { } revoked ? StoreValueFormat.Instant(revoked) : DBNull.Value)],
            cancellationToken).ConfigureAwait(false);
        if (added == 0)
        {
            throw new InvalidOperationException($"no team '{key.TeamId}' to issue a key to");
        }
    }

    public async Task<ApiKey?> GetApiKeyAsync(string keyId, CancellationToken cancellationToken = default) =>
        (await QueryAsync(SelectKeys + " WHERE key_id = @id", [("@id", keyId)], ReadKey, cancellationToken).ConfigureAwait(false))
            .SingleOrDefault();

    public Task<IReadOnlyList<ApiKey>> GetApiKeysAsync(string teamId, CancellationToken cancellationToken = default) =>
        QueryAsync(SelectKeys + " WHERE team_id = @id ORDER BY issued_at, key_id", [("@id", teamId)], ReadKey, cancellationToken);

    public async Task<bool> RevokeApiKeyAsync(string keyId, DateTimeOffset revokedAt, CancellationToken cancellationToken = default) =>
        await ExecuteAsync("UPDATE api_keys SET revoked_at = @at WHERE key_id = @id AND revoked_at IS NULL",
            [("@id", keyId), ("@at", StoreValueFormat.Instant(revokedAt))], cancellationToken).ConfigureAwait(false) == 1;

    public ValueTask DisposeAsync() => _schema.DisposeAsync();

    private const string SelectKeys = "SELECT key_id, team_id, scopes, secret_sha256, label, issued_at, revoked_at FROM api_keys";

    private static Team ReadTeam(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), StoreValueFormat.ParseInstant(r.GetString(2)));

    private static ApiKey ReadKey(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), ApiScopeNames.Parse(r.GetString(2)), (byte[])r.GetValue(3),
        r.IsDBNull(4) ? null : r.GetString(4), StoreValueFormat.ParseInstant(r.GetString(5)),
        r.IsDBNull(6) ? null : StoreValueFormat.ParseInstant(r.GetString(6)));

    private async Task<int> ExecuteAsync(string sql, (string Name, object Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, (string Name, object Value)[] parameters,
        Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw SqliteStoreFile.Explain(_schema.DatabasePath, e)
                ?? new StoreFileException(_schema.DatabasePath, $"cannot open the store '{_schema.DatabasePath}' ({e.Message}); check --db", e);
        }
    }
}
