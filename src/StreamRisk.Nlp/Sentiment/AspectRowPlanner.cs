using StreamRisk.Core.Sentiment;
using StreamRisk.Nlp.Tokenization;

namespace StreamRisk.Nlp.Sentiment;

/// <summary>One model input row: a window of request <paramref name="Request"/>'s tokens and the aspect (mention)
/// positions inside the row ([CLS] is position 0, window token i is position i + 1).</summary>
public sealed record AspectRow(int Request, TokenizedText Tokens, AspectWindow Window, IReadOnlyList<TokenRange> RowAspects)
{
    /// <summary>Row length with [CLS] and [SEP].</summary>
    public int Length => Window.Tokens.Length + 2;

    public ReadOnlySpan<int> TextIds => Tokens.Ids.AsSpan(Window.Tokens.First, Window.Tokens.Length);
}

/// <summary>Turns (text, issuer mentions) requests into the rows an aspect-sentiment graph scores: windows centred on
/// the mentions, the mention tokens marked. Serving and training both use it, so a model is trained on exactly the
/// rows it is later fed.</summary>
public static class AspectRowPlanner
{
    /// <param name="maxLength">The model's max length, [CLS] and [SEP] included.</param>
    /// <param name="mask">Hide issuer names (a model trained with <c>mention_masking: issuers</c>); then
    /// <paramref name="otherNames"/> holds, per request, the names of its text's other issuers.</param>
    public static List<AspectRow> Plan(WordPieceTextEncoder tokenizer, IReadOnlyList<AspectRequest> requests, int maxLength,
        IssuerNameMask? mask = null, IReadOnlyList<IReadOnlyList<string>>? otherNames = null)
    {
        if (mask is not null && (otherNames is null || otherNames.Count != requests.Count))
            throw new ArgumentException("masking needs the other issuers' names of every request", nameof(otherNames));
        var maxTokens = maxLength - 2;
        var rows = new List<AspectRow>(requests.Count);
        for (var r = 0; r < requests.Count; r++)
        {
            var tokens = tokenizer.Encode(requests[r].Text);
            if (mask is not null) tokens = mask.Apply(tokens, requests[r], otherNames![r]);
            foreach (var window in AspectWindowPlanner.Plan(tokens.Count, AspectTokens(tokens, requests[r], maxTokens), maxTokens))
                rows.Add(new AspectRow(r, tokens, window, RowAspects(window)));
        }
        return rows;
    }

    /// <summary>The request's mentions as token ranges. A request whose mentions map to no token (or that has none) is
    /// scored on the whole (first window of the) text; an empty text on its [CLS] alone.</summary>
    private static List<TokenRange> AspectTokens(TokenizedText tokens, AspectRequest request, int maxTokens)
    {
        var ranges = new List<TokenRange>(request.Mentions.Count);
        foreach (var m in request.Mentions)
            if (MentionTokenMapper.Map(tokens, m.Start, m.End) is { } range) ranges.Add(range);
        if (ranges.Count == 0 && tokens.Count > 0) ranges.Add(new TokenRange(0, Math.Min(tokens.Count, maxTokens)));
        return ranges;
    }

    private static List<TokenRange> RowAspects(AspectWindow window)
    {
        var rows = new List<TokenRange>(Math.Max(1, window.Aspects.Count));
        foreach (var a in window.Aspects)
            rows.Add(new TokenRange(a.First - window.Tokens.First + 1, a.End - window.Tokens.First + 1));
        if (rows.Count == 0) rows.Add(new TokenRange(0, 1));
        return rows;
    }
}
