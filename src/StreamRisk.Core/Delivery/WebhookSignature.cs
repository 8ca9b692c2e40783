using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace StreamRisk.Core.Delivery;

/// <summary>
/// Signs a webhook body so the receiver can tell it came from us and is fresh. Header
/// <c>StreamRisk-Signature: t=UNIX_SECONDS,v1=HEX</c>, where HEX = HMAC-SHA256(secret, "UNIX_SECONDS." + body). The
/// timestamp is inside the MAC, so a captured request replayed later fails the receiver's freshness check instead of
/// passing as new; receivers should also drop event ids they have seen (the body carries one).
/// </summary>
public static class WebhookSignature
{
    public const string Header = "StreamRisk-Signature";

    /// <summary>How old a signature a receiver accepts by default: long enough for clock skew, short for replays.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public static string Sign(byte[] secret, DateTimeOffset at, ReadOnlySpan<byte> body)
    {
        var seconds = at.ToUnixTimeSeconds();
        return string.Create(CultureInfo.InvariantCulture, $"t={seconds},v1={Convert.ToHexStringLower(Mac(secret, seconds, body))}");
    }

    /// <summary>What a receiver does with a request; the test suite's receiver and the README's example use it.</summary>
    public static SignatureCheck Verify(string? header, byte[] secret, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!TryParse(header, out var seconds, out var signatures))
        {
            return SignatureCheck.Malformed;
        }
        var age = now - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > tolerance)
        {
            return SignatureCheck.Stale;
        }
        var expected = Mac(secret, seconds, body);
        // Any v1 entry may match: during a secret rotation the sender signs with both secrets.
        var matched = false;
        foreach (var signature in signatures)
        {
            matched |= CryptographicOperations.FixedTimeEquals(expected, signature);
        }
        return matched ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    private static byte[] Mac(byte[] secret, long seconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(seconds.ToString(CultureInfo.InvariantCulture) + ".");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    private static bool TryParse(string? header, out long seconds, out List<byte[]> signatures)
    {
        seconds = 0;
        signatures = [];
        if (string.IsNullOrEmpty(header) || header.Length > 1024)
        {
            return false;
        }
        var haveTime = false;
        foreach (var part in header.Split(','))
        {
            var pair = part.Trim().Split('=', 2);
            if (pair.Length != 2)
            {
                return false;
            }
            switch (pair[0])
            {
                case "t" when !haveTime && long.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out seconds):
                    haveTime = true;
                    break;
                case "v1" when pair[1].Length == 64:
                    try
                    {
                        signatures.Add(Convert.FromHexString(pair[1]));
                    }
                    catch (FormatException)
                    {
                        return false;
                    }
                    break;
                case "t" or "v1":
                    return false;
                default:
                    break; // Unknown schemes are ignored, so a later v2 can be added beside v1.
            }
        }
        return haveTime && signatures.Count > 0;
    }
}

public enum SignatureCheck
{
    Valid,
    /// <summary>No header, or not <c>t=…,v1=…</c>.</summary>
    Malformed,
    /// <summary>Signed longer ago (or further ahead) than the tolerance: a replay, or a badly wrong clock.</summary>
    Stale,
    /// <summary>Not signed with this secret, or the body was changed.</summary>
    Mismatch,
}
