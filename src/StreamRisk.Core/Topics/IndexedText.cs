using System.Security.Cryptography;
using System.Text;

namespace StreamRisk.Core.Topics;

/// <summary>Payload helpers for what the vector index stores.</summary>
public static class IndexedText
{
    /// <summary>The kind of a topic definition's vector.</summary>
    public const string TopicKind = "topic";

    /// <summary>The kind of an industry definition's vector (id <c>industry:ID</c>).</summary>
    public const string IndustryKind = "industry";

    /// <summary>The kind of an issuer business description's vector (id <c>issuer:ID</c>).</summary>
    public const string IssuerKind = "issuer";

    /// <summary>First 16 hex digits of the SHA-256 of the UTF-8 text: enough to tell whether a seeded text changed.</summary>
    public static string Hash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return Convert.ToHexStringLower(digest[..8]);
    }
}
