using StreamRisk.Core.Events;
using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Text;

/// <summary>
/// Finds issuers in a text: exact gazetteer matches (legal names, aliases, tickers, names without their legal
/// form) over the folded text, then, optionally, near-miss names linked by similarity. Built once from the issuer
/// universe; thread-safe; a call allocates only its results.
/// </summary>
public sealed class GazetteerIssuerRecognizer : IIssuerRecognizer
{
    [ThreadStatic] private static RecognitionScratch? _scratch;

    private readonly IssuerGazetteer _gazetteer;
    private readonly FuzzyIssuerLinker? _linker;

    public GazetteerIssuerRecognizer(IEnumerable<Issuer> issuers, IssuerRecognizerOptions? options = null)
    {
        options ??= IssuerRecognizerOptions.Default;
        if (options.FuzzyThreshold is < 0 or > 1 || options.StrictFuzzyThreshold is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(options), "Similarity thresholds lie in [0, 1].");
        _gazetteer = new IssuerGazetteer(issuers);
        if (options.Fuzzy)
            _linker = new FuzzyIssuerLinker(_gazetteer.FuzzyNames, options.FuzzyThreshold, options.StrictFuzzyThreshold);
    }

    /// <summary>Number of distinct folded patterns in the automaton (names, aliases, tickers, variants).</summary>
    public int PatternCount => _gazetteer.PatternCount;

    public IReadOnlyList<IssuerMention> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) return [];
        var scratch = _scratch ??= new RecognitionScratch();
        var folded = scratch.Text;
        folded.Fold(text);
        _gazetteer.FindExact(folded, scratch.AllExact, scratch.Exact);

        var exact = scratch.Exact;
        var linked = scratch.Linked;
        scratch.EnsureCapacity(folded.Length, exact.Count);
        if (_linker is not null) _linker.Link(scratch);
        else
        {
            linked.Clear();
            Array.Clear(scratch.Suppressed, 0, exact.Count);
        }
        if (exact.Count == 0 && linked.Count == 0) return [];

        // Both lists are in text order and never overlap: merge them.
        var mentions = new List<IssuerMention>(exact.Count + linked.Count);
        var e = 0;
        var l = 0;
        while (e < exact.Count || l < linked.Count)
        {
            if (e < exact.Count && (scratch.Suppressed[e] || exact[e].Issuer < 0))
            {
                e++;
                continue;
            }
            var takeExact = l >= linked.Count || (e < exact.Count && exact[e].Start < linked[l].Start);
            mentions.Add(ToMention(text, folded, takeExact ? exact[e++] : linked[l++]));
        }
        return mentions;
    }

    private IssuerMention ToMention(string text, FoldedText folded, MentionCandidate candidate)
    {
        var (start, end) = folded.ToOriginal(candidate.Start, candidate.End);
        return new IssuerMention(
            _gazetteer.IssuerIds[candidate.Issuer],
            text.Substring(start, end - start),
            start,
            end,
            candidate.Fuzzy ? "fuzzy" : "exact",
            candidate.Similarity);
    }
}
