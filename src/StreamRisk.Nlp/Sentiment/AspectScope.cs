namespace StreamRisk.Nlp.Sentiment;

/// <summary>What an aspect-sentiment model reads for an issuer (manifest field <c>aspect_scope</c>).</summary>
public enum AspectScope
{
    /// <summary>The whole text, the issuer's mentions marked (<c>text</c>, the default).</summary>
    Text,

    /// <summary>Only the clauses that speak of the issuer (<c>clauses</c>; see <see cref="StreamRisk.Core.Sentiment.IssuerClauseScope"/>).</summary>
    Clauses,
}
