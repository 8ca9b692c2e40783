using StreamRisk.Core.Topics;

namespace StreamRisk.RiskModels.Default;

/// <summary>
/// The disclosure chapters the default-class models read, told apart by the text itself (its heading), so training on
/// a simulated market and scoring live documents assign chapters the same way, with no ground-truth file.
/// </summary>
public static class DisclosureChapters
{
    public const string RiskFactors = "risk_factors";
    public const string ImportantNotices = "important_notices";

    /// <summary>The source name issuers' own filings carry (the simulator's, and the one to give a real filings feed).</summary>
    public const string DisclosureSource = "issuer-disclosure";

    /// <summary>Chapter names in model order.</summary>
    public static readonly IReadOnlyList<string> Names = [RiskFactors, ImportantNotices];

    /// <summary>Embedding dimension of a chapter text: small, since every example carries steps × chapters of them.</summary>
    public const int EmbeddingDimension = 64;

    /// <summary>The chapter of a disclosure, or null for a text that is neither (it is then not read as a disclosure).</summary>
    public static int? Of(string? headline, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var head = (headline ?? "") + "\n" + (body.Length > 120 ? body[..120] : body);
        if (head.Contains("risk factors", StringComparison.OrdinalIgnoreCase)) return 0;
        if (head.Contains("important notice", StringComparison.OrdinalIgnoreCase)) return 1;
        return null;
    }

    /// <summary>
    /// The chapter embedder: hashed word and character n-grams with no learned IDF (an empty corpus), so it has no state
    /// to ship with a model and a live worker embeds a text exactly as training did.
    /// </summary>
    public static ITextEmbedder CreateEmbedder() => new HashedTfIdfEmbedder([], new HashedTfIdfOptions { Dimension = EmbeddingDimension });
}
