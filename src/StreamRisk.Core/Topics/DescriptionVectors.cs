using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Topics;

/// <summary>
/// What <c>streamrisk index seed</c> stores beside the topics: the industry definitions and the issuers' business
/// descriptions (those given), embedded with the topics' embedder, so that other services can ask the vector index which
/// industries or issuers a text is near (filter on the kind). Ids carry the kind (<c>industry:coal</c>,
/// <c>issuer:peabody</c>) so they never collide with topic ids; topic retrieval filters on its own kind and never sees them.
/// </summary>
public static class DescriptionVectors
{
    public static IReadOnlyList<IndexedVector> For(ReferenceData reference, ITextEmbedder embedder)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(embedder);
        var vectors = new List<IndexedVector>();
        foreach (var industry in reference.Industries.Where(i => !string.IsNullOrWhiteSpace(i.Definition)))
        {
            vectors.Add(new IndexedVector($"{IndexedText.IndustryKind}:{industry.IndustryId}", embedder.Embed(industry.Definition),
                IndexedText.IndustryKind, IndexedText.Hash(industry.Definition)));
        }

        foreach (var issuer in reference.Issuers.Where(i => !string.IsNullOrWhiteSpace(i.Description)))
        {
            vectors.Add(new IndexedVector($"{IndexedText.IssuerKind}:{issuer.IssuerId}", embedder.Embed(issuer.Description!),
                IndexedText.IssuerKind, IndexedText.Hash(issuer.Description!)));
        }

        return vectors;
    }
}
