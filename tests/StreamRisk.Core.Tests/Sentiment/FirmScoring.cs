using StreamRisk.Core.Events;
using StreamRisk.Core.Sentiment;

namespace StreamRisk.Core.Tests.Sentiment;

/// <summary>Builds firm-sentiment requests whose mentions are found by searching the text for issuer names.</summary>
internal static class FirmScoring
{
    public static readonly LexiconFirmSentimentModel Model = new();

    /// <summary>Every occurrence of each name, as a mention of the issuer with the same id as the name.</summary>
    public static IReadOnlyList<IssuerMention> MentionsOf(string text, params string[] names)
    {
        var mentions = new List<IssuerMention>();
        foreach (var name in names)
        {
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                mentions.Add(new IssuerMention(name, name, at, at + name.Length, "exact", 1.0));
            }
        }

        return mentions.OrderBy(m => m.Start).ToList();
    }

    /// <summary>Scores <paramref name="issuer"/> in <paramref name="text"/>, with every name in <paramref name="names"/> located.</summary>
    public static SentimentProbabilities ScoreFor(string text, string issuer, params string[] names) =>
        Model.Score(text, issuer, MentionsOf(text, names.Length == 0 ? [issuer] : names));
}
