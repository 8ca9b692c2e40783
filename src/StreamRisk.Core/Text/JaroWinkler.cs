namespace StreamRisk.Core.Text;

/// <summary>Jaro–Winkler similarity in [0, 1]: Jaro plus a bonus for a common prefix (scale 0.1, at most 4 characters).</summary>
public static class JaroWinkler
{
    public const double PrefixScale = 0.1;
    public const int MaxPrefix = 4;

    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var jaro = Jaro(a, b);
        var prefix = CommonPrefix(a, b);
        return jaro + prefix * PrefixScale * (1 - jaro);
    }

    public static double Jaro(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 && b.Length == 0) return 1;
        if (a.Length == 0 || b.Length == 0) return 0;
        // The greedy matching scans one string against the other; a fixed order makes the result symmetric.
        if (a.Length > b.Length || (a.Length == b.Length && a.SequenceCompareTo(b) > 0))
        {
            var t = a;
            a = b;
            b = t;
        }

        var window = Math.Max(b.Length / 2 - 1, 0);
        Span<bool> matchedA = a.Length <= 256 ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> matchedB = b.Length <= 256 ? stackalloc bool[b.Length] : new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var lo = Math.Max(0, i - window);
            var hi = Math.Min(b.Length - 1, i + window);
            for (var j = lo; j <= hi; j++)
            {
                if (matchedB[j] || a[i] != b[j]) continue;
                matchedA[i] = true;
                matchedB[j] = true;
                matches++;
                break;
            }
        }
        if (matches == 0) return 0;

        var halfTranspositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!matchedA[i]) continue;
            while (!matchedB[k]) k++;
            if (a[i] != b[k]) halfTranspositions++;
            k++;
        }
        var m = (double)matches;
        return (m / a.Length + m / b.Length + (m - halfTranspositions / 2.0) / m) / 3;
    }

    /// <summary>
    /// The highest similarity two strings of these lengths sharing <paramref name="prefix"/> leading characters can
    /// reach (every character of the shorter one matched, no transpositions): lets a search skip a comparison.
    /// </summary>
    public static double UpperBound(int lengthA, int lengthB, int prefix)
    {
        if (lengthA == 0 || lengthB == 0) return lengthA == lengthB ? 1 : 0;
        var ratio = (double)Math.Min(lengthA, lengthB) / Math.Max(lengthA, lengthB);
        var jaro = (2 + ratio) / 3;
        return jaro + Math.Min(prefix, MaxPrefix) * PrefixScale * (1 - jaro);
    }

    public static int CommonPrefix(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var limit = Math.Min(MaxPrefix, Math.Min(a.Length, b.Length));
        var l = 0;
        while (l < limit && a[l] == b[l]) l++;
        return l;
    }
}
