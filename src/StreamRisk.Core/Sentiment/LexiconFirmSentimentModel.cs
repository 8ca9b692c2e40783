using StreamRisk.Core.Events;

namespace StreamRisk.Core.Sentiment;

/// <summary>
/// Built-in firm-level (aspect) scorer: lexicon polarity of the words in the issuer's scope. A clause that names
/// the issuer counts fully, one that names only other issuers not at all, and an unnamed clause counts with a
/// smaller weight for the issuer named nearest before it. Needs no downloaded weights; pure and thread-safe.
/// </summary>
/// <remarks>
/// Requests for the same text that sit next to each other in a batch share one analysis, and the mentions of all
/// of them are pooled, so a request may carry only its own issuer's mentions as long as the document's other
/// issuers are requested alongside it; or it may carry every mention of the document.
/// </remarks>
public sealed class LexiconFirmSentimentModel : IFirmSentimentModel
{
    [ThreadStatic]
    private static ScopedValence? t_scratch;

    [ThreadStatic]
    private static List<IssuerMention>? t_mentions;

    private readonly SentimentLexicon _lexicon;
    private readonly LexiconSentimentOptions _options;
    private readonly LexiconCalibration? _calibration;

    /// <param name="calibration">Maps the evidence to calibrated probabilities; null keeps the fixed evidence-mass mapping.</param>
    public LexiconFirmSentimentModel(SentimentLexicon? lexicon = null, LexiconSentimentOptions? options = null, LexiconCalibration? calibration = null)
    {
        _lexicon = lexicon ?? SentimentLexicon.BuiltIn;
        _options = options ?? LexiconSentimentOptions.Default;
        _calibration = calibration;
    }

    public string ModelId => _calibration is null ? "lexicon-firm/1" : "lexicon-firm/1+calibrated";

    public IReadOnlyList<SentimentProbabilities> Score(IReadOnlyList<AspectRequest> requests)
    {
        var evidence = Evidence(requests);
        var results = new SentimentProbabilities[evidence.Length];
        for (var r = 0; r < evidence.Length; r++)
        {
            results[r] = _calibration?.Apply(evidence[r]) ?? evidence[r].ToProbabilities(_options.EvidenceHalfMass);
        }

        return results;
    }

    /// <summary>The weighted word evidence about each request's issuer (what <see cref="Score"/> turns into probabilities).</summary>
    public SentimentEvidence[] Evidence(IReadOnlyList<AspectRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var results = new SentimentEvidence[requests.Count];
        var valence = t_scratch ??= new ScopedValence();
        var mentions = t_mentions ??= new List<IssuerMention>(16);
        var first = 0;
        while (first < requests.Count)
        {
            var text = requests[first].Text;
            var last = first;
            while (last + 1 < requests.Count && SameText(requests[last + 1].Text, text))
            {
                last++;
            }

            mentions.Clear();
            for (var r = first; r <= last; r++)
            {
                mentions.AddRange(requests[r].Mentions);
            }

            valence.Analyse(text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(mentions), _lexicon, _options);
            for (var r = first; r <= last; r++)
            {
                results[r] = valence.EvidenceFor(requests[r].IssuerId);
            }

            first = last + 1;
        }

        return results;
    }

    /// <summary>Scores one (text, issuer) pair; <paramref name="mentions"/> should hold every issuer mention of the text.</summary>
    public SentimentProbabilities Score(string text, string issuerId, IReadOnlyList<IssuerMention> mentions) =>
        Score([new AspectRequest(text, issuerId, mentions)])[0];

    private static bool SameText(string a, string b) => ReferenceEquals(a, b) || string.Equals(a, b, StringComparison.Ordinal);
}
