namespace StreamRisk.Core.Access;

/// <summary>Turns a presented token into a caller, or says why it cannot (without saying which part was wrong).</summary>
public sealed class ApiKeyAuthenticator(ITeamStore teams)
{
    /// <returns>The caller, or null for a missing, malformed, unknown, wrong or revoked token.</returns>
    public async Task<ApiCaller?> AuthenticateAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!ApiKeyToken.TryParse(token, out var keyId, out var secret))
        {
            return null;
        }
        var key = await teams.GetApiKeyAsync(keyId, cancellationToken).ConfigureAwait(false);
        // Hash and compare even for an unknown id, so the answer takes as long whether or not the key id exists.
        var matches = ApiKeyToken.Matches(key ?? Decoy, secret);
        return key is { IsRevoked: false } && matches ? new ApiCaller(key.TeamId, key.KeyId, key.Scopes) : null;
    }

    private static readonly ApiKey Decoy = new("", "", ApiScopes.None, new byte[32], null, DateTimeOffset.UnixEpoch, null);
}
