namespace StreamRisk.Core.Topics;

/// <summary>
/// FNV-1a (64-bit) over UTF-16 code units with a seed folded into the offset basis, then a final avalanche so the
/// low bits used for bucketing are well mixed. Fixed constants: the same text hashes the same on every machine and run.
/// </summary>
public static class FeatureHash
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Hash(ReadOnlySpan<char> text, ulong seed)
    {
        var hash = OffsetBasis ^ (seed * 0x9E3779B97F4A7C15UL);
        foreach (var c in text)
        {
            hash ^= (byte)c;
            hash *= Prime;
            hash ^= (byte)(c >> 8);
            hash *= Prime;
        }

        return Avalanche(hash);
    }

    /// <summary>Order-dependent combination of two hashes (for word bigrams).</summary>
    public static ulong Combine(ulong first, ulong second, ulong seed) =>
        Avalanche((first * 31UL) ^ (second + 0x9E3779B97F4A7C15UL + (first << 6) + (first >> 2)) ^ seed);

    /// <summary>The finaliser of MurmurHash3's 64-bit variant.</summary>
    private static ulong Avalanche(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB93FE53B5A2FUL;
        h ^= h >> 33;
        return h;
    }
}
