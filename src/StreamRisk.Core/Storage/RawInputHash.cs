using System.Security.Cryptography;
using System.Text;

namespace StreamRisk.Core.Storage;

/// <summary>The content identity of a raw input (see <see cref="RawInput.ContentHash"/>).</summary>
public static class RawInputHash
{
    public static string Of(string topic, string key, ReadOnlySpan<byte> value)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Lengths first, so that no choice of topic, key and value can collide with another split of the same bytes.
        Span<byte> lengths = stackalloc byte[12];
        var topicBytes = Encoding.UTF8.GetBytes(topic);
        var keyBytes = Encoding.UTF8.GetBytes(key);
        BitConverter.TryWriteBytes(lengths[..4], topicBytes.Length);
        BitConverter.TryWriteBytes(lengths[4..8], keyBytes.Length);
        BitConverter.TryWriteBytes(lengths[8..], value.Length);
        hash.AppendData(lengths);
        hash.AppendData(topicBytes);
        hash.AppendData(keyBytes);
        hash.AppendData(value);
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest);
    }
}
