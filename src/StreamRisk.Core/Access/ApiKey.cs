namespace StreamRisk.Core.Access;

/// <summary>
/// An issued API key as the store keeps it: never the secret itself, only its SHA-256. The secret is 256 random bits, so
/// a fast hash is enough (nobody can guess through 2^256 candidates); a slow password hash would only slow every request.
/// </summary>
/// <param name="KeyId">Public part of the token; names the key in listings, logs and revocation.</param>
/// <param name="SecretSha256">SHA-256 of the token's secret part.</param>
/// <param name="Label">What the key is for (e.g. "grafana"), for listings.</param>
public sealed record ApiKey(
    string KeyId,
    string TeamId,
    ApiScopes Scopes,
    byte[] SecretSha256,
    string? Label,
    DateTimeOffset IssuedAt,
    DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}
