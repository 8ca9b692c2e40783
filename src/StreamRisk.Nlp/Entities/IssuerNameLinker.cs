using StreamRisk.Core.Events;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Text;

namespace StreamRisk.Nlp.Entities;

/// <summary>Links an entity the model found to the issuer universe: the issuer whose legal name or alias is most
/// Jaro–Winkler-similar (case-insensitive, legal-form suffixes ignored), if at least the threshold.</summary>
public sealed class IssuerNameLinker
{
    private readonly Dictionary<char, List<(string Name, string IssuerId)>> _byFirstLetter = new();
    private readonly double _threshold;
    private const double MinLengthRatio = 0.6;

    public IssuerNameLinker(IEnumerable<Issuer> issuers, double threshold = 0.8)
    {
        _threshold = threshold;
        foreach (var issuer in issuers)
        {
            Add(issuer.LegalName, issuer.IssuerId);
            foreach (var alias in issuer.Aliases) Add(alias, issuer.IssuerId);
        }
    }

    public double Threshold => _threshold;

    /// <summary>The mention for <c>text[start..end]</c>, or null when no name is similar enough.</summary>
    public IssuerMention? Link(string text, int start, int end)
    {
        var surface = text[start..end];
        var key = Key(surface);
        // A lone word under four letters ("co", "inc") is noise, whatever the model tagged.
        if (key.Length < 4) return null;
        // Blocking by first letter: Jaro–Winkler rewards a common prefix, so a name with another first letter
        // rarely reaches the threshold, and scanning the whole universe per entity would not scale.
        if (key.Length == 0 || !_byFirstLetter.TryGetValue(key[0], out var names)) return null;
        string? best = null;
        var bestScore = 0.0;
        foreach (var (name, issuerId) in names)
        {
            // Jaro–Winkler scores a short prefix of a long name high ("bank" vs "bank of harbor" = 0.86): a surface
            // must cover most of the name to link to it.
            if (Math.Min(key.Length, name.Length) < MinLengthRatio * Math.Max(key.Length, name.Length)) continue;
            var score = JaroWinkler.Similarity(key, name);
            if (score > bestScore || (score == bestScore && best is not null && string.CompareOrdinal(issuerId, best) < 0))
            {
                bestScore = score;
                best = issuerId;
            }
        }
        if (best is null || bestScore < _threshold) return null;
        return new IssuerMention(best, surface, start, end, bestScore >= 1.0 ? "exact" : "fuzzy", bestScore);
    }

    private void Add(string name, string issuerId)
    {
        var key = Key(name);
        if (key.Length == 0) return;
        if (!_byFirstLetter.TryGetValue(key[0], out var list)) _byFirstLetter[key[0]] = list = [];
        list.Add((key, issuerId));
    }

    private static string Key(string name)
    {
        var folded = FoldedText.FoldName(name);
        var stripped = LegalSuffixes.StripAll(folded);
        return stripped.Length > 0 ? new string(stripped) : folded;
    }
}
