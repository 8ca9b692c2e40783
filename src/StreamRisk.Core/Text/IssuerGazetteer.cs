using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Text;

/// <summary>
/// Every name of every issuer (legal names, aliases, tickers and suffix-less variants), folded and compiled into
/// one Aho–Corasick automaton. Finds exact mentions and resolves overlaps to the leftmost-longest one.
/// </summary>
internal sealed class IssuerGazetteer
{
    private readonly AhoCorasick _automaton;
    private readonly GazetteerEntry[][] _entriesByPattern;

    public IssuerGazetteer(IEnumerable<Issuer> issuers)
    {
        ArgumentNullException.ThrowIfNull(issuers);
        var ids = new List<string>();
        var claims = new Dictionary<(string Key, string? Cased, bool Brackets), List<(int Issuer, IssuerNameKind Kind)>>();
        var fuzzyNames = new HashSet<(string, int)>();

        void Claim(string key, string? cased, bool brackets, int issuer, IssuerNameKind kind)
        {
            if (key.Length == 0) return;
            if (!claims.TryGetValue((key, cased, brackets), out var list)) claims[(key, cased, brackets)] = list = [];
            list.Add((issuer, kind));
        }

        void ClaimName(string name, int issuer, IssuerNameKind kind)
        {
            // "A" or "-" would match at almost every word boundary: such a name is never matched (the loader warns).
            if (!IssuerNameRules.IsMatchableName(name)) return;
            var key = FoldedText.FoldName(name);
            if (key.Length == 0) return;
            if (IsShortAcronym(name))
            {
                Claim(key, FoldedText.FoldName(name, keepCase: true), false, issuer, kind);
                return;
            }
            Claim(key, null, false, issuer, kind);
            fuzzyNames.Add((key, issuer));
            foreach (var variant in LegalSuffixes.Variants(key))
            {
                Claim(variant, null, false, issuer, IssuerNameKind.SuffixVariant);
                fuzzyNames.Add((variant, issuer));
            }
        }

        foreach (var issuer in issuers)
        {
            var index = ids.Count;
            ids.Add(issuer.IssuerId);
            ClaimName(issuer.LegalName, index, IssuerNameKind.LegalName);
            foreach (var alias in issuer.Aliases) ClaimName(alias, index, IssuerNameKind.Alias);
            foreach (var ticker in issuer.Tickers)
            {
                // A one-letter ticker is matched only as "<F>" (below); one with no letter or digit never.
                if (!IssuerNameRules.IsMatchableTicker(ticker)) continue;
                var cased = FoldedText.FoldName(ticker, keepCase: true);
                var bracketsOnly = cased.Length == 1 || IssuerNameRules.LettersOrDigits(ticker) < IssuerNameRules.MinLettersOrDigits;
                Claim(FoldedText.FoldName(ticker), cased, bracketsOnly, index, IssuerNameKind.Ticker);
            }
        }

        IssuerIds = ids;
        FuzzyNames = fuzzyNames.Where(n => n.Item1.Length >= 4).ToList();

        var entriesByKey = new Dictionary<string, List<GazetteerEntry>>(StringComparer.Ordinal);
        foreach (var ((key, cased, brackets), list) in claims)
        {
            var best = list.Min(c => c.Kind);
            var owners = list.Where(c => c.Kind == best).Select(c => c.Issuer).Distinct().ToList();
            var entry = new GazetteerEntry(owners.Count == 1 ? owners[0] : -1, best, cased, brackets);
            if (!entriesByKey.TryGetValue(key, out var entries)) entriesByKey[key] = entries = [];
            entries.Add(entry);
        }

        var patterns = new List<string>(entriesByKey.Count);
        var entriesByPattern = new List<GazetteerEntry[]>(entriesByKey.Count);
        foreach (var (key, entries) in entriesByKey.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            patterns.Add(key);
            // The most demanding reading is tried first: an exact-case ticker before the case-blind name.
            entriesByPattern.Add(entries
                .OrderBy(e => e.CaseSensitiveForm is null ? 1 : 0)
                .ThenBy(e => e.BracketsOnly ? 0 : 1)
                .ThenBy(e => e.Kind)
                .ToArray());
        }
        _automaton = new AhoCorasick(patterns);
        _entriesByPattern = entriesByPattern.ToArray();
    }

    public IReadOnlyList<string> IssuerIds { get; }

    /// <summary>Folded legal names, aliases and their suffix-less variants, for fuzzy linking.</summary>
    public IReadOnlyList<(string Name, int Issuer)> FuzzyNames { get; }

    public int PatternCount => _automaton.PatternCount;

    /// <summary>Adds the exact mentions of <paramref name="text"/>, non-overlapping and in text order, to <paramref name="selected"/>.</summary>
    public void FindExact(FoldedText text, List<MentionCandidate> all, List<MentionCandidate> selected)
    {
        all.Clear();
        var folded = text.Folded;
        var cased = text.CaseKept;
        foreach (var match in _automaton.Matches(folded))
        {
            if (!IsBounded(folded, match.Start, match.End)) continue;
            foreach (var entry in _entriesByPattern[match.Pattern])
            {
                if (entry.CaseSensitiveForm is { } form && !cased[match.Start..match.End].SequenceEqual(form)) continue;
                if (entry.BracketsOnly && !IsInBrackets(cased, match.Start, match.End)) continue;
                all.Add(new MentionCandidate(match.Start, match.End, entry.Issuer, entry.Kind, false, 1.0));
                break;
            }
        }
        SelectLeftmostLongest(all, selected);
    }

    /// <summary>Keeps, from left to right, the longest candidate starting first that does not overlap a kept one.</summary>
    internal static void SelectLeftmostLongest(List<MentionCandidate> all, List<MentionCandidate> selected)
    {
        selected.Clear();
        if (all.Count == 0) return;
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(all).Sort(static (x, y) =>
            x.Start != y.Start ? x.Start.CompareTo(y.Start)
            : x.Length != y.Length ? y.Length.CompareTo(x.Length)
            : x.Kind.CompareTo(y.Kind));
        var keptEnd = -1;
        foreach (var candidate in all)
        {
            if (candidate.Start < keptEnd) continue;
            selected.Add(candidate);
            keptEnd = candidate.End;
        }
    }

    /// <summary>
    /// A match may not begin or end inside a word of a spaced script ("Exxon" is not in "Exxonmobilx"); in
    /// Chinese or Japanese, where words are not separated, any position is a boundary.
    /// </summary>
    internal static bool IsBounded(ReadOnlySpan<char> folded, int start, int end)
    {
        if (start > 0 && CharFolding.IsWordChar(folded[start]) && CharFolding.IsWordChar(folded[start - 1])) return false;
        return end >= folded.Length || !CharFolding.IsWordChar(folded[end - 1]) || !CharFolding.IsWordChar(folded[end]);
    }

    private static bool IsInBrackets(ReadOnlySpan<char> cased, int start, int end) =>
        start > 0 && cased[start - 1] == '<' && end < cased.Length && cased[end] == '>';

    /// <summary>"GE", "BP", "3M": read case-blind they collide with ordinary words ("ge", "bp").</summary>
    private static bool IsShortAcronym(string name)
    {
        var trimmed = name.AsSpan().Trim();
        if (trimmed.Length is 0 or > 3) return false;
        var upper = false;
        foreach (var c in trimmed)
        {
            if (char.IsLower(c)) return false;
            upper |= char.IsUpper(c);
        }
        return upper;
    }
}
