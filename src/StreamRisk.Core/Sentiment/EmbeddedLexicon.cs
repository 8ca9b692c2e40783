using System.Reflection;

namespace StreamRisk.Core.Sentiment;

/// <summary>Loads the word lists compiled into this assembly (see data/lexicon/SOURCES.md).</summary>
public static class EmbeddedLexicon
{
    /// <summary>Resource names in load order: later lists override earlier ones.</summary>
    public static readonly IReadOnlyList<string> ResourceNames =
    [
        "StreamRisk.Lexicon.afinn-financial.tsv",
        "StreamRisk.Lexicon.credit-terms.tsv",
    ];

    public static SentimentLexicon Load()
    {
        var terms = new List<KeyValuePair<string, double>>(4096);
        var assembly = typeof(EmbeddedLexicon).Assembly;
        foreach (var name in ResourceNames)
        {
            terms.AddRange(ReadResource(assembly, name));
        }

        return SentimentLexicon.FromTerms(terms);
    }

    private static List<KeyValuePair<string, double>> ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded lexicon '{name}' is missing from {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return LexiconTsv.Parse(reader).ToList();
    }
}
