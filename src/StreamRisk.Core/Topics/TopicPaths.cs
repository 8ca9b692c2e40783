using StreamRisk.Core.Events;
using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Topics;

/// <summary>
/// The paths that carry a text's sentiment to each industry: for every topic hit with a positive similarity and every
/// AFFECTS edge out of it, similarity × sentiment × weight (MulFSA's topic contribution, similarity × sentiment, times
/// the link). They explain the event the way <see cref="TopicIndustryMap.IndustriesFor"/> weighs it: an industry's
/// contributions sum, divided by the hits' total similarity, to the signed exposure × the text's tone.
/// </summary>
public static class TopicPaths
{
    /// <summary>Per industry reached, its paths ordered by |contribution| (largest first), then topic id.</summary>
    /// <param name="links">The AFFECTS edges of the hit topics as a graph answers them (summed per pair, non-zero).</param>
    /// <param name="sentiment">The text's tone in [−1, 1].</param>
    public static IReadOnlyDictionary<string, IReadOnlyList<TopicPath>> For(IReadOnlyList<TopicHit> hits, IEnumerable<TopicIndustryLink> links, double sentiment)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(links);
        var similarity = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var hit in hits)
        {
            // As IndustriesFor: a topic counts once, and only with a positive similarity.
            if (hit.Similarity > 0)
            {
                similarity.TryAdd(hit.TopicId, hit.Similarity);
            }
        }

        var byIndustry = new Dictionary<string, List<TopicPath>>(StringComparer.Ordinal);
        foreach (var link in links)
        {
            if (link.Weight == 0 || !similarity.TryGetValue(link.TopicId, out var s))
            {
                continue;
            }

            if (!byIndustry.TryGetValue(link.IndustryId, out var paths))
            {
                byIndustry[link.IndustryId] = paths = [];
            }

            paths.Add(new TopicPath(link.TopicId, s, sentiment, link.Weight, s * sentiment * link.Weight));
        }

        var result = new Dictionary<string, IReadOnlyList<TopicPath>>(byIndustry.Count, StringComparer.Ordinal);
        foreach (var (industry, paths) in byIndustry)
        {
            paths.Sort(static (a, b) =>
            {
                var bySize = Math.Abs(b.Contribution).CompareTo(Math.Abs(a.Contribution));
                return bySize != 0 ? bySize : string.CompareOrdinal(a.TopicId, b.TopicId);
            });
            result[industry] = paths;
        }

        return result;
    }
}
