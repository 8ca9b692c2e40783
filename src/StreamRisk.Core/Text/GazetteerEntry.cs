namespace StreamRisk.Core.Text;

/// <summary>
/// What a matched pattern means. <paramref name="Issuer"/> is -1 when two issuers claim the same name with equal
/// standing: the span is still a name (it blocks shorter matches inside it) but is linked to no one.
/// </summary>
/// <param name="CaseSensitiveForm">Tickers and short acronyms must match with this exact case (width-folded).</param>
/// <param name="BracketsOnly">One-letter tickers ("F", "T") are only trusted in the Reuters form "&lt;F&gt;".</param>
internal readonly record struct GazetteerEntry(int Issuer, IssuerNameKind Kind, string? CaseSensitiveForm, bool BracketsOnly);
