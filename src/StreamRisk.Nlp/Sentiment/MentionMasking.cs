namespace StreamRisk.Nlp.Sentiment;

/// <summary>What an aspect-sentiment model sees of issuer names (manifest field <c>mention_masking</c>).</summary>
public enum MentionMasking
{
    /// <summary>The names as written (<c>none</c>, the default).</summary>
    None,

    /// <summary>The scored issuer's mentions and the text's other issuers' names replaced by two reserved tokens
    /// (<c>issuers</c>; see <see cref="IssuerNameMask"/>).</summary>
    Issuers,
}
