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

        var valence = t_valence ??= new ScopedValence();
        var spans = t_spans ??= new List<(int Start, int End)>(8);
        spans.Clear();
        valence.Analyse(request.Text, documentMentions, SentimentLexicon.BuiltIn, LexiconSentimentOptions.Default);
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

    /// <summary>
    /// Every request cut to its issuer's clauses. A text's issuers are those of all the requests with the same text,
    /// wherever they sit in the list, so each request may carry only its own issuer's mentions.
    /// </summary>
    public static IReadOnlyList<AspectRequest> CutAll(IReadOnlyList<AspectRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var byText = new Dictionary<string, List<IssuerMention>>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            if (!byText.TryGetValue(request.Text, out var pooled))
            {
                byText[request.Text] = pooled = [];
            }

            foreach (var m in request.Mentions)
            {
                if (!pooled.Exists(p => p.Start == m.Start && p.End == m.End && p.IssuerId == m.IssuerId))
                {
                    pooled.Add(m);
                }
            }
        }

        var cut = new AspectRequest[requests.Count];
        for (var r = 0; r < requests.Count; r++)
        {
            cut[r] = Cut(requests[r], System.Runtime.InteropServices.CollectionsMarshal.AsSpan(byText[requests[r].Text]));
        }

        return cut;
    }

    private static bool IsWholeText(string text, (int Start, int End) span) =>
        string.IsNullOrWhiteSpace(text[..span.Start]) && text.AsSpan(span.End).Trim().Length <= 1;
}
