using StreamRisk.Core.Sentiment;
using StreamRisk.Core.Text;
using StreamRisk.Nlp.Tokenization;

namespace StreamRisk.Nlp.Sentiment;

/// <summary>
/// Hides issuer names from an aspect-sentiment model (manifest <c>mention_masking: issuers</c>): the tokens of the
/// scored issuer's mentions become one reserved token, and the names of the text's other issuers another. The model
/// then learns who did what to whom ("[other] beat [issuer] to the order") instead of reading a name's words as news
/// ("Prosperity Bank", "Victory Lane Motors"), and what it learns about one name carries over to every other.
/// Token positions are kept (one reserved id per original token), so mention ranges and windows are unchanged.
/// </summary>
public sealed class IssuerNameMask
{
    /// <summary>The BERT vocabulary's reserved tokens used for the scored issuer and for other issuers: no text can
    /// produce them, so a masked name never collides with a real word.</summary>
    public const string IssuerToken = "[unused1]";
    public const string OtherIssuerToken = "[unused2]";

    private IssuerNameMask(int issuerId, int otherId)
    {
        IssuerId = issuerId;
        OtherId = otherId;
    }

    public int IssuerId { get; }
    public int OtherId { get; }

    /// <summary>The mask for a tokenizer's vocabulary, or null when the vocabulary lacks the reserved tokens.</summary>
    public static IssuerNameMask? For(WordPieceTextEncoder tokenizer) =>
        tokenizer.TokenId(IssuerToken) is { } issuer && tokenizer.TokenId(OtherIssuerToken) is { } other
            ? new IssuerNameMask(issuer, other)
            : null;

    /// <summary>For every request, the names (mention surfaces) of the other issuers of the same text: those of all the
    /// requests with that text, wherever they sit in the list (each request may carry only its own mentions).</summary>
    public static IReadOnlyList<string>[] OtherNames(IReadOnlyList<AspectRequest> requests)
    {
        var byText = new Dictionary<string, List<(string Issuer, string Surface)>>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            if (!byText.TryGetValue(request.Text, out var names)) byText[request.Text] = names = [];
            foreach (var m in request.Mentions)
                if (!names.Contains((request.IssuerId, m.Surface))) names.Add((request.IssuerId, m.Surface));
        }
        var result = new IReadOnlyList<string>[requests.Count];
        for (var r = 0; r < requests.Count; r++)
        {
            var own = requests[r].IssuerId;
            result[r] = byText[requests[r].Text].Where(n => n.Issuer != own).Select(n => n.Surface).Distinct(StringComparer.Ordinal).ToArray();
        }
        return result;
    }

    /// <summary>The tokens of <paramref name="request"/>'s text with its mentions masked as the issuer and every
    /// whole-word occurrence of <paramref name="otherNames"/> outside them as another issuer.</summary>
    public TokenizedText Apply(TokenizedText tokens, AspectRequest request, IReadOnlyList<string> otherNames)
    {
        var ids = (int[])tokens.Ids.Clone();
        var own = new bool[ids.Length];
        foreach (var m in request.Mentions)
            if (MentionTokenMapper.Map(tokens, m.Start, m.End) is { } range)
                for (var t = range.First; t < range.End; t++)
                {
                    ids[t] = IssuerId;
                    own[t] = true;
                }
        foreach (var name in otherNames)
            foreach (var (start, end) in WholeWordSearch.Occurrences(request.Text, name))
                if (MentionTokenMapper.Map(tokens, start, end) is { } range)
                    for (var t = range.First; t < range.End; t++)
                        if (!own[t]) ids[t] = OtherId;
        return tokens with { Ids = ids };
    }
}
