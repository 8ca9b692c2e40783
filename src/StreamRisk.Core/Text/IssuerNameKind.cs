namespace StreamRisk.Core.Text;

/// <summary>Where a gazetteer pattern came from; lower values win when two issuers share a pattern.</summary>
public enum IssuerNameKind : byte
{
    LegalName = 0,
    Alias = 1,
    Ticker = 2,
    /// <summary>A legal name or alias with its legal-form words ("Corp", "Ltd"…) removed.</summary>
    SuffixVariant = 3,
}
