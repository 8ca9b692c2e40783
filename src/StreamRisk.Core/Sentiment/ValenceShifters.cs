namespace StreamRisk.Core.Sentiment;

/// <summary>
/// The English grammar words the scorers treat specially. They are part of the scorer, not of a word list:
/// a role here takes precedence over any score the lexicon gives the same word.
/// </summary>
public static class ValenceShifters
{
    public static readonly IReadOnlyList<string> Negators =
    [
        "not", "no", "never", "without", "nor", "neither", "cannot", "none", "nothing", "hardly", "barely",
        "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't", "won't", "wouldn't", "hasn't",
        "haven't", "hadn't", "can't", "couldn't", "shouldn't", "avoided", "averted",
    ];

    /// <summary>Negating phrases with the score they keep when nothing scored follows ("a lack of." stays negative).</summary>
    public static readonly IReadOnlyList<(string Phrase, float FallbackScore)> NegatorPhrases =
    [
        ("no longer", 0f), ("lack of", -1f), ("absence of", 0f), ("far from", 0f), ("rather than", 0f),
    ];

    /// <summary>
    /// Phrases that report a failure, with their own (negative) score. Failing is bad news whatever was attempted:
    /// "failed to beat" flips "beat", but "failed to pay" must not turn "pay" (−1 in AFINN) into good news.
    /// </summary>
    public static readonly IReadOnlyList<(string Phrase, float Score)> FailurePhrases =
    [
        ("failed to", -2f), ("fails to", -2f), ("fail to", -2f), ("failing to", -2f), ("unable to", -2f),
        ("did not manage to", -2f), ("could not", -1f),
    ];

    /// <summary>Multipliers: above 1 strengthens, below 1 weakens.</summary>
    public static readonly IReadOnlyList<(string Word, float Multiplier)> Intensifiers =
    [
        ("sharply", 1.6f), ("significantly", 1.5f), ("substantially", 1.5f), ("dramatically", 1.7f),
        ("steeply", 1.6f), ("strongly", 1.4f), ("heavily", 1.4f), ("severely", 1.6f), ("massively", 1.7f),
        ("very", 1.3f), ("extremely", 1.6f), ("highly", 1.3f), ("deeply", 1.4f), ("sharp", 1.5f), ("steep", 1.5f),
        ("significant", 1.4f), ("substantial", 1.4f), ("major", 1.3f),
        ("slightly", 0.5f), ("marginally", 0.5f), ("somewhat", 0.7f), ("modestly", 0.6f), ("mildly", 0.6f),
        ("slight", 0.5f), ("marginal", 0.5f), ("modest", 0.6f), ("partly", 0.7f), ("partially", 0.7f),
    ];

    public static readonly IReadOnlyList<string> ClauseConnectives =
    [
        "while", "whilst", "whereas", "but", "although", "though", "however", "meanwhile", "unlike", "yet",
    ];

    public static readonly IReadOnlyList<string> ConditionalConnectives = ["and", "as", "after"];

    /// <summary>True for contractions the list does not name (shan't, mustn't): any word ending in n't.</summary>
    public static bool IsContractedNegation(ReadOnlySpan<char> word) =>
        word.Length > 3 && word[^1] is 't' or 'T' && word[^2] is '\'' or '\u2019' && word[^3] is 'n' or 'N';
}
