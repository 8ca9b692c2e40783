using System.Security.Cryptography;
using System.Text;

namespace StreamRisk.Core.Access;

/// <summary>
/// The token a caller sends: <c>srk_{key id}_{secret}</c>. The key id (12 hex digits) finds the stored key without a scan;
/// the secret (32 random bytes, base64url) proves possession. The prefix lets secret scanners recognise a leaked token.
/// </summary>
public static class ApiKeyToken
{
    public const string Prefix = "srk_";
    private const int KeyIdBytes = 6;
    private const int SecretBytes = 32;

    /// <summary>A new token and the stored form of its key. The token is shown once; only the hash is kept.</summary>
    public static (string Token, ApiKey Key) Issue(string teamId, ApiScopes scopes, string? label, DateTimeOffset issuedAt)
    {
        if (scopes == ApiScopes.None)
        {
            throw new ArgumentException("an API key needs at least one scope", nameof(scopes));
        }
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdBytes));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        var token = $"{Prefix}{keyId}_{secret}";
        return (token, new ApiKey(keyId, teamId, scopes, HashSecret(secret), label, issuedAt, RevokedAt: null));
    }

    /// <summary>Splits a presented token into key id and secret; false for anything not shaped like a token.</summary>
    public static bool TryParse(string? token, out string keyId, out string secret)
    {
        keyId = secret = "";
        if (token is null || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var rest = token.AsSpan(Prefix.Length);
        var separator = rest.IndexOf('_');
        if (separator != KeyIdBytes * 2 || !IsLowerHex(rest[..separator]))
        {
            return false;
        }
        var secretPart = rest[(separator + 1)..];
        if (secretPart.Length is 0 or > 64)
        {
            return false;
        }
        keyId = rest[..separator].ToString();
        secret = secretPart.ToString();
        return true;
    }

    public static byte[] HashSecret(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Whether <paramref name="secret"/> is the key's, in time that does not depend on where they differ.</summary>
    public static bool Matches(ApiKey key, string secret) =>
        CryptographicOperations.FixedTimeEquals(key.SecretSha256, HashSecret(secret));

    private static bool IsLowerHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }
        return true;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
