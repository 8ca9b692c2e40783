using StreamRisk.Core.Reference;
using StreamRisk.Core.Topics;

namespace StreamRisk.Core.Graph;

/// <summary>
/// Places an issuer that has no industry codes by the similarity of its business description to the industry
/// definitions, as MulFSA does: every industry at least as similar as the threshold, else the single most similar one.
/// Pure: the rule works on similarities or vectors, whatever embedder made them.
/// </summary>
public static class IssuerPlacement
{
    /// <summary>
    /// Every industry whose similarity is ≥ <paramref name="threshold"/>, most similar first; when none is, the single
    /// most similar one. Equal similarities rank by industry id (ordinal), so the answer does not depend on input order.
    /// A NaN similarity never places an industry. Empty only when <paramref name="similarities"/> has no number.
    /// </summary>
    public static IReadOnlyList<PlacedIndustry> Place(IEnumerable<PlacedIndustry> similarities, double threshold)
    {
        ArgumentNullException.ThrowIfNull(similarities);
        var ranked = similarities.Where(s => !double.IsNaN(s.Similarity)).ToList();
        ranked.Sort(static (a, b) =>
        {
            var bySimilarity = b.Similarity.CompareTo(a.Similarity);
            return bySimilarity != 0 ? bySimilarity : string.CompareOrdinal(a.IndustryId, b.IndustryId);
        });
        var above = ranked.TakeWhile(s => s.Similarity >= threshold).ToList();
        return above.Count > 0 ? above : ranked.Take(1).ToList();
    }

    /// <summary><see cref="Place(IEnumerable{PlacedIndustry}, double)"/> over the cosine similarities of one description
    /// vector to each industry's vector (all L2-normalised, as <see cref="ITextEmbedder"/> returns them).</summary>
    public static IReadOnlyList<PlacedIndustry> Place(float[] description, IReadOnlyList<(string IndustryId, float[] Vector)> industries, double threshold)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(industries);
        return Place(industries.Select(industry => new PlacedIndustry(industry.IndustryId, Cosine(description, industry.Vector))), threshold);
    }

    /// <summary>What is embedded for an industry: its name carries the key words, the definition what its companies do.</summary>
    public static string IndustryText(Industry industry)
    {
        ArgumentNullException.ThrowIfNull(industry);
        return industry.Definition.Length > 0 ? industry.Name + ". " + industry.Definition : industry.Name;
    }

    /// <summary>The built-in embedder for placement: hashed TF-IDF whose IDF is learned from the industry texts.</summary>
    public static ITextEmbedder BuiltInEmbedder(IEnumerable<Industry> industries)
    {
        ArgumentNullException.ThrowIfNull(industries);
        return new HashedTfIdfEmbedder(industries.Select(IndustryText));
    }

    /// <summary>Embeds the industry texts once, for placing many descriptions.</summary>
    public static IReadOnlyList<(string IndustryId, float[] Vector)> IndustryVectors(IEnumerable<Industry> industries, ITextEmbedder embedder)
    {
        ArgumentNullException.ThrowIfNull(industries);
        ArgumentNullException.ThrowIfNull(embedder);
        return industries.Select(industry => (industry.IndustryId, embedder.Embed(IndustryText(industry)))).ToList();
    }

    private static double Cosine(float[] a, float[] b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"vectors of different lengths ({a.Length} and {b.Length}); embed descriptions and industries with one embedder");
        }

        double dot = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
        }

        return dot;
    }
}
