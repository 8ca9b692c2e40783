namespace StreamRisk.Core.Sentiment;

/// <summary>
/// Word and multi-word scores plus the grammar roles of <see cref="ValenceShifters"/>, looked up by span
/// (case-insensitive) so scoring a text allocates no strings. Immutable and safe to share between threads.
/// </summary>
public sealed class SentimentLexicon
{
    private static readonly Lazy<SentimentLexicon> BuiltInLexicon = new(EmbeddedLexicon.Load);

    private readonly WordTable _words;
    private readonly LexiconPhrase[] _phrases;
    private readonly int[][] _phraseGroups;

    private SentimentLexicon(Dictionary<string, WordInfo> words, LexiconPhrase[] phrases, int[][] phraseGroups)
    {
        _words = new WordTable(words);
        _phrases = phrases;
        _phraseGroups = phraseGroups;
    }

    /// <summary>AFINN-165 financial + the credit terms (both embedded in this assembly).</summary>
    public static SentimentLexicon BuiltIn => BuiltInLexicon.Value;

    public int WordCount => _words.Count;

    public int PhraseCount => _phrases.Length;

    /// <summary>Builds a lexicon; a later term overrides an earlier one, and the grammar roles override both.</summary>
    public static SentimentLexicon FromTerms(IEnumerable<KeyValuePair<string, double>> terms)
    {
        var singles = new Dictionary<string, float>(StringComparer.OrdinalIgnoreCase);
        var multi = new Dictionary<string, (string[] Words, float Score, WordRole Roles)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (term, score) in terms)
        {
            var words = term.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length == 1)
            {
                singles[words[0]] = (float)score;
            }
            else if (words.Length > 1)
            {
                multi[string.Join(' ', words)] = (words, (float)score, WordRole.None);
            }
        }

        foreach (var (phrase, fallback) in ValenceShifters.NegatorPhrases)
        {
            multi[phrase] = (phrase.Split(' '), fallback, WordRole.Negator);
        }

        foreach (var (phrase, score) in ValenceShifters.FailurePhrases)
        {
            multi[phrase] = (phrase.Split(' '), score, WordRole.Negator | WordRole.Failure);
        }

        var words2 = new Dictionary<string, WordInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var (word, score) in singles)
        {
            words2[word] = new WordInfo(score, 0f, WordRole.None, -1);
        }

        foreach (var word in ValenceShifters.Negators)
        {
            words2[word] = new WordInfo(0f, 0f, WordRole.Negator, -1);
        }

        foreach (var (word, multiplier) in ValenceShifters.Intensifiers)
        {
            words2[word] = new WordInfo(0f, multiplier, WordRole.Intensifier, -1);
        }

        foreach (var word in ValenceShifters.ClauseConnectives)
        {
            words2[word] = new WordInfo(0f, 0f, WordRole.ClauseConnective, -1);
        }

        foreach (var word in ValenceShifters.ConditionalConnectives)
        {
            words2[word] = new WordInfo(0f, 0f, WordRole.ConditionalConnective, -1);
        }

        var phrases = multi.Values.Select(p => new LexiconPhrase(p.Words, p.Score, p.Roles)).ToArray();
        var groups = new List<int[]>();
        foreach (var group in Enumerable.Range(0, phrases.Length).GroupBy(i => phrases[i].Words[0], StringComparer.OrdinalIgnoreCase))
        {
            // Longest first, so the longest match wins ("credit rating downgrade" over "rating downgrade").
            var members = group.OrderByDescending(i => phrases[i].Words.Length).ThenBy(i => string.Join(' ', phrases[i].Words), StringComparer.Ordinal).ToArray();
            var existing = words2.TryGetValue(group.Key, out var info) ? info : default;
            words2[group.Key] = existing with { Roles = existing.Roles | WordRole.PhraseStart, PhraseGroup = groups.Count };
            groups.Add(members);
        }

        return new SentimentLexicon(words2, phrases, groups.ToArray());
    }

    /// <summary>What the lexicon knows about <paramref name="word"/>; default when nothing.</summary>
    public WordInfo Lookup(ReadOnlySpan<char> word)
    {
        if (_words.TryGet(word, out var info))
        {
            return info;
        }

        if (ValenceShifters.IsContractedNegation(word))
        {
            return new WordInfo(0f, 0f, WordRole.Negator, -1);
        }

        return word.Contains('-') ? HyphenatedCompound(word) : default;
    }

    /// <summary>The score of a single word or multi-word term (null when the lexicon does not score it).</summary>
    public double? ScoreOf(string term)
    {
        if (term.Contains(' '))
        {
            var words = term.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var phrase = _phrases.FirstOrDefault(p => p.Roles == WordRole.None && p.Words.AsSpan().SequenceEqual(words, StringComparer.OrdinalIgnoreCase));
            return phrase?.Score;
        }

        var info = Lookup(term);
        return info.Score != 0f ? info.Score : null;
    }

    /// <summary>Phrase indices starting with a word whose <see cref="WordInfo.PhraseGroup"/> is <paramref name="group"/>, longest first.</summary>
    public ReadOnlySpan<int> PhraseGroup(int group) => _phraseGroups[group];

    public LexiconPhrase Phrase(int index) => _phrases[index];

    /// <summary>An unlisted compound scores as the sum of its listed parts ("debt-laden" -> "laden"), clamped to the lexicon's range.</summary>
    private WordInfo HyphenatedCompound(ReadOnlySpan<char> word)
    {
        var total = 0f;
        foreach (var range in word.Split('-'))
        {
            var part = word[range];
            if (part.Length > 0 && !part.Contains('-') && Lookup(part) is { Roles: WordRole.None } info)
            {
                total += info.Score;
            }
        }

        return total == 0f ? default : new WordInfo(Math.Clamp(total, -5f, 5f), 0f, WordRole.None, -1);
    }
}
