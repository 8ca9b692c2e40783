using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Simulation;

/// <summary>
/// Invents unique, pronounceable company names (no dictionary words, so a name never collides with the words of a
/// story), with an alias and a unique ticker each.
/// </summary>
public sealed class IssuerNameGenerator
{
    private static readonly string[] Onsets =
    [
        "b", "br", "c", "ch", "cl", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "kr", "l", "m", "n", "p", "pr",
        "qu", "r", "s", "st", "sk", "t", "tr", "v", "w", "z", "th", "sh",
    ];

    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y"];
    private static readonly string[] Codas = ["", "", "", "n", "r", "l", "s", "x", "m", "nd", "rt", "ck", "ve", "th"];

    private static readonly string[] LegalForms =
    [
        "Holdings Inc.", "Corp.", "Group plc", "Inc.", "Ltd.", "S.A.", "AG", "N.V.", "Co.", "Group Ltd.", "Industries Inc.", "Partners LP",
    ];

    private readonly Pcg32 _random;
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _tickers = new(StringComparer.Ordinal);

    public IssuerNameGenerator(Pcg32 random) => _random = random;

    /// <summary>A new issuer in <paramref name="industries"/> (main first) with a unique name and ticker.</summary>
    public Issuer Next(string issuerId, IReadOnlyList<Industry> industries)
    {
        string stem;
        do stem = Stem();
        while (!_names.Add(stem));

        var word = IndustryWord(industries[0]);
        var legalName = $"{stem} {word} {LegalForms[_random.NextInt(LegalForms.Length)]}";
        var aliases = new List<string> { stem };
        if (_random.NextBool(0.5)) aliases.Add($"{stem} {word}");

        var tickers = new List<string>(1);
        if (_random.NextBool(0.8))
        {
            string ticker;
            do ticker = Ticker(stem);
            while (!_tickers.Add(ticker));
            tickers.Add(ticker);
        }

        var industryIds = new List<string>(industries.Count);
        foreach (var industry in industries) industryIds.Add(industry.IndustryId);
        return new Issuer(issuerId, legalName, aliases, tickers, industryIds);
    }

    private string Stem()
    {
        var syllables = 2 + (_random.NextBool(0.35) ? 1 : 0);
        var chars = new System.Text.StringBuilder(12);
        for (var i = 0; i < syllables; i++)
        {
            chars.Append(Onsets[_random.NextInt(Onsets.Length)]);
            chars.Append(Vowels[_random.NextInt(Vowels.Length)]);
            if (i == syllables - 1 || _random.NextBool(0.3)) chars.Append(Codas[_random.NextInt(Codas.Length)]);
        }

        chars[0] = char.ToUpperInvariant(chars[0]);
        return chars.ToString();
    }

    private string Ticker(string stem)
    {
        var letters = new char[3 + _random.NextInt(2)];
        letters[0] = char.ToUpperInvariant(stem[0]);
        for (var i = 1; i < letters.Length; i++) letters[i] = (char)('A' + _random.NextInt(26));
        return new string(letters);
    }

    /// <summary>The last word of the industry's name ("Oil &amp; Gas Producers" → "Producers"), as a name part.</summary>
    private static string IndustryWord(Industry industry)
    {
        var name = industry.Name.Trim();
        var space = name.LastIndexOf(' ');
        var word = space >= 0 ? name[(space + 1)..] : name;
        return word.Length == 0 || !char.IsLetter(word[0]) ? "Industries" : char.ToUpperInvariant(word[0]) + word[1..];
    }
}
