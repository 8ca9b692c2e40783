namespace StreamRisk.Core.Text;

/// <summary>
/// Capitalised words that are not names (sentence starts, titles, calendar words). They never start a
/// fuzzy-linking candidate (they may sit inside one), so "The Company" or "On Monday" cannot be linked to an
/// issuer by similarity.
/// </summary>
internal static class CommonWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "the", "this", "that", "these", "those", "a", "an", "and", "or", "but", "nor", "so", "yet", "if", "then",
        "in", "on", "at", "by", "for", "from", "of", "to", "with", "without", "as", "after", "before", "while",
        "when", "where", "which", "who", "whom", "whose", "what", "why", "how", "it", "its", "he", "she", "they",
        "we", "our", "their", "his", "her", "you", "your", "i", "there", "here", "also", "however", "meanwhile",
        "according", "said", "says", "new", "last", "next", "first", "second", "third", "over", "under", "into",
        "about", "above", "below", "since", "until", "during", "among", "between", "against", "despite", "all",
        "some", "any", "no", "not", "more", "most", "less", "many", "much", "several", "other", "such", "each",
        "both", "either", "neither", "shares", "share", "stock", "stocks", "bond", "bonds", "market", "markets",
        "analysts", "analyst", "investors", "company", "companies", "group", "firm", "ceo", "cfo",
        "chief", "executive", "president", "chairman", "director", "minister", "mr", "mrs", "ms", "dr",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "today",
        "yesterday", "tomorrow", "reuters", "bloomberg", "update", "breaking", "exclusive",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Lower-case words that may sit inside a name between capitalised words ("Bank of America").</summary>
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "of", "and", "de", "du", "des", "la", "le", "van", "von", "der", "del", "y",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ConnectorLookup =
        Connectors.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <param name="folded">A lower-case folded token.</param>
    public static bool IsCommon(ReadOnlySpan<char> folded) => Lookup.Contains(folded);

    public static bool IsConnector(ReadOnlySpan<char> folded) => ConnectorLookup.Contains(folded);
}
