namespace StreamRisk.Core.Text;

/// <summary>
/// Legal-form words at the end of issuer names ("Inc", "Corp", "Ltd", "PLC", "AG", "Group", 股份有限公司…), which
/// texts usually leave out. Works on folded (lower-case) names.
/// </summary>
public static class LegalSuffixes
{
    private static readonly HashSet<string> LatinWords = new(StringComparer.Ordinal)
    {
        "inc", "incorporated", "corp", "corporation", "co", "company", "cos", "companies", "ltd", "limited",
        "plc", "ag", "sa", "nv", "se", "spa", "sarl", "sas", "gmbh", "kgaa", "llc", "lp", "llp", "bv", "ab", "asa",
        "oyj", "kk", "pte", "pty", "bhd", "berhad", "tbk", "group", "holdings", "holding",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LatinLookup =
        LatinWords.GetAlternateLookup<ReadOnlySpan<char>>();

    // Longest first, so "股份有限公司" is removed whole rather than as "公司".
    private static readonly string[] CjkEndings = ["股份有限公司", "有限责任公司", "有限公司", "控股集团", "集团", "控股", "公司", "株式会社"];

    private const string TrailingPunctuation = " ,.;:&-\u3001";

    /// <summary>True for a token such as "corp", "co.", "s.a." or "p.l.c." (dots ignored).</summary>
    public static bool IsSuffixWord(ReadOnlySpan<char> token)
    {
        if (token.Length == 0 || token.Length > 16) return false;
        Span<char> bare = stackalloc char[token.Length];
        var n = 0;
        foreach (var c in token)
            if (c is not ('.' or ',')) bare[n++] = c;
        return n > 0 && LatinLookup.Contains(bare[..n]);
    }

    // Texts abbreviate or spell out the legal form the register uses: "Toyota Motor Corporation" is "Toyota Motor Corp".
    private static readonly Dictionary<string, string> Equivalents = new(StringComparer.Ordinal)
    {
        ["corporation"] = "corp", ["corp"] = "corporation", ["incorporated"] = "inc", ["inc"] = "incorporated",
        ["limited"] = "ltd", ["ltd"] = "limited", ["company"] = "co", ["co"] = "company",
    };

    /// <summary>The name without one trailing legal-form word, or null when it has none.</summary>
    public static string? StripOne(string foldedName) => StripOne(foldedName, out _);

    private static string? StripOne(string foldedName, out string? removedWord)
    {
        removedWord = null;
        var span = foldedName.AsSpan().TrimEnd(TrailingPunctuation.AsSpan());
        foreach (var ending in CjkEndings)
        {
            if (span.Length > ending.Length && span.EndsWith(ending.AsSpan(), StringComparison.Ordinal))
                return new string(span[..^ending.Length].TrimEnd(TrailingPunctuation.AsSpan()));
        }
        var lastSpace = span.LastIndexOf(' ');
        if (lastSpace <= 0) return null;
        var last = span[(lastSpace + 1)..].Trim("()".AsSpan());
        if (!IsSuffixWord(last)) return null;
        var rest = span[..lastSpace].TrimEnd(TrailingPunctuation.AsSpan());
        if (rest.Length == 0) return null;
        removedWord = new string(last).Replace(".", "").Replace(",", "");
        return new string(rest);
    }

    /// <summary>
    /// Every name left after removing one, two, … trailing legal-form words while it stays distinctive, and each
    /// step's other spelling of the removed word ("corp" for "corporation").
    /// </summary>
    public static List<string> Variants(string foldedName)
    {
        var variants = new List<string>();
        var current = StripOne(foldedName, out var removed);
        while (current is not null && IsDistinctive(current))
        {
            variants.Add(current);
            if (removed is not null && Equivalents.TryGetValue(removed, out var other)) variants.Add(current + " " + other);
            current = StripOne(current, out removed);
        }
        return variants;
    }

    /// <summary>
    /// Everything before the trailing legal-form words of a folded span (for fuzzy linking: "exxon mobil corp" to
    /// "exxon mobil"); empty when it is only such words.
    /// </summary>
    public static ReadOnlySpan<char> StripAll(ReadOnlySpan<char> folded)
    {
        var span = folded.TrimEnd(TrailingPunctuation.AsSpan());
        while (span.Length > 0)
        {
            var lastSpace = span.LastIndexOf(' ');
            var last = lastSpace < 0 ? span : span[(lastSpace + 1)..];
            if (!IsSuffixWord(last)) break;
            span = lastSpace < 0 ? [] : span[..lastSpace].TrimEnd(TrailingPunctuation.AsSpan());
        }
        return span;
    }

    /// <summary>A name is distinctive enough to stand alone with at least two words or five characters.</summary>
    public static bool IsDistinctive(string foldedName)
    {
        var tokens = 0;
        var letters = 0;
        var inToken = false;
        foreach (var c in foldedName)
        {
            if (c == ' ')
            {
                inToken = false;
                continue;
            }
            letters++;
            if (!inToken) tokens++;
            inToken = true;
        }
        return tokens >= 2 || letters >= 5;
    }
}
