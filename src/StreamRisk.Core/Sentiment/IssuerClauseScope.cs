using StreamRisk.Core.Events;

namespace StreamRisk.Core.Sentiment;

/// <summary>
/// Cuts a text down to the clauses that speak of one issuer, with the clause segmentation of the word-list scorer
/// (<see cref="LexiconFirmSentimentModel"/>): "A rose 5 % while B fell" becomes "A rose 5 %" for A and "while B fell"
/// for B. A model fed the cut text cannot read another issuer's news as this one's. Pure and thread-safe.
/// </summary>
public static class IssuerClauseScope
{
    [ThreadStatic]
    private static ScopedValence? t_valence;

    [ThreadStatic]
    private static List<(int Start, int End)>? t_spans;

    /// <summary>Joins clauses of the scope that are not next to each other in the text.</summary>
    public const string Gap = " … ";

    /// <summary>
    /// The request with its text cut to its issuer's clauses and its mentions moved onto the cut text.
    /// <paramref name="documentMentions"/> holds every issuer mention of the text (the other issuers' too: that is how
    /// their clauses are told apart). The request comes back unchanged when the text names its issuer nowhere or its
    /// scope is the whole text.
    /// </summary>
    public static AspectRequest Cut(AspectRequest request, ReadOnlySpan<IssuerMention> documentMentions)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Mentions.Count == 0 || documentMentions.IsEmpty)
        {
            return request;
        }

        return CutSegmented(Segmented(request.Text, documentMentions), request);
    }

    /// <summary>
    /// Every request cut to its issuer's clauses. A text's issuers are those of all the requests with the same text,
    /// wherever they sit in the list, so each request may carry only its own issuer's mentions; each distinct text is
    /// segmented once, however many of its issuers are asked for.
    /// </summary>
    public static IReadOnlyList<AspectRequest> CutAll(IReadOnlyList<AspectRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var byText = new Dictionary<string, (List<IssuerMention> Mentions, List<int> Requests)>(StringComparer.Ordinal);
        for (var r = 0; r < requests.Count; r++)
        {
            var request = requests[r];
            if (!byText.TryGetValue(request.Text, out var group))
            {
                byText[request.Text] = group = ([], []);
            }

            group.Requests.Add(r);
            foreach (var m in request.Mentions)
            {
                if (!group.Mentions.Exists(p => p.Start == m.Start && p.End == m.End && p.IssuerId == m.IssuerId))
                {
                    group.Mentions.Add(m);
                }
            }
        }

        var cut = new AspectRequest[requests.Count];
        foreach (var (text, (mentions, members)) in byText)
        {
            var valence = mentions.Count == 0 ? null : Segmented(text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(mentions));
            foreach (var r in members)
            {
                cut[r] = valence is null || requests[r].Mentions.Count == 0 ? requests[r] : CutSegmented(valence, requests[r]);
            }
        }

        return cut;
    }

    private static ScopedValence Segmented(string text, ReadOnlySpan<IssuerMention> documentMentions)
    {
        var valence = t_valence ??= new ScopedValence();
        valence.Segment(text, documentMentions, SentimentLexicon.BuiltIn, LexiconSentimentOptions.Default);
        return valence;
    }

    /// <summary>The request cut to its issuer's clauses in <paramref name="valence"/>, its text's segmentation.</summary>
    private static AspectRequest CutSegmented(ScopedValence valence, AspectRequest request)
    {
        var spans = t_spans ??= new List<(int Start, int End)>(8);
        spans.Clear();
        valence.ScopeOf(request.IssuerId, spans);
        if (spans.Count == 0 || (spans.Count == 1 && IsWholeText(request.Text, spans[0])))
        {
            return request;
        }

        var text = new System.Text.StringBuilder(request.Text.Length);
        var mentions = new List<IssuerMention>(request.Mentions.Count);
        foreach (var (start, end) in spans)
        {
            if (text.Length > 0)
            {
                text.Append(Gap);
            }

            var shift = text.Length - start;
            text.Append(request.Text, start, end - start);
            foreach (var m in request.Mentions)
            {
                if (m.Start >= start && m.End <= end)
                {
                    mentions.Add(m with { Start = m.Start + shift, End = m.End + shift });
                }
            }
        }

        return mentions.Count == 0 ? request : request with { Text = text.ToString(), Mentions = mentions };
    }

    private static bool IsWholeText(string text, (int Start, int End) span) =>
        string.IsNullOrWhiteSpace(text[..span.Start]) && text.AsSpan(span.End).Trim().Length <= 1;
}
