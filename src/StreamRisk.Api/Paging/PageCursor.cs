using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace StreamRisk.Api.Paging;

/// <summary>
/// Opaque page cursors: the last row's key, signed with HMAC-SHA256 over the key and the query it belongs to (route and
/// filters). A cursor that was altered, truncated or made for other filters fails the check and is refused, instead
/// of silently starting somewhere else.
/// </summary>
public sealed class PageCursor(byte[] key)
{
    private const int MacBytes = 16;

    /// <summary>The built-in key: cursors then survive restarts and work across replicas without configuration.</summary>
    public static byte[] DefaultKey { get; } = SHA256.HashData("streamrisk query api cursor v1"u8);

    public string Encode(string scope, IReadOnlyList<string> position)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(position, PagingJsonContext.Default.IReadOnlyListString);
        return WebEncoders.Base64UrlEncode(payload) + "." + WebEncoders.Base64UrlEncode(Mac(scope, payload));
    }

    /// <summary>The position <paramref name="cursor"/> holds; null when it is not one this API gave out for <paramref name="scope"/>.</summary>
    public IReadOnlyList<string>? Decode(string scope, string cursor)
    {
        var dot = cursor.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || cursor.Length > 1024)
        {
            return null;
        }
        try
        {
            var payload = WebEncoders.Base64UrlDecode(cursor, 0, dot);
            var mac = WebEncoders.Base64UrlDecode(cursor, dot + 1, cursor.Length - dot - 1);
            // Base64's last character carries unused bits: only the one spelling we write is accepted, so changing
            // any character of a cursor is refused.
            if (!CryptographicOperations.FixedTimeEquals(mac, Mac(scope, payload))
                || !string.Equals(WebEncoders.Base64UrlEncode(payload) + "." + WebEncoders.Base64UrlEncode(mac), cursor, StringComparison.Ordinal))
            {
                return null;
            }
            return JsonSerializer.Deserialize(payload, PagingJsonContext.Default.IReadOnlyListString);
        }
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private byte[] Mac(string scope, byte[] payload)
    {
        var scopeBytes = Encoding.UTF8.GetBytes(scope + "\n");
        var data = new byte[scopeBytes.Length + payload.Length];
        scopeBytes.CopyTo(data, 0);
        payload.CopyTo(data, scopeBytes.Length);
        return HMACSHA256.HashData(key, data)[..MacBytes];
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class PagingJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
