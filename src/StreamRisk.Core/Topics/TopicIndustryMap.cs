using StreamRisk.Core.Events;
using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Topics;

/// <summary>
/// The topic→industry matrix as a lookup: from the topics a text was retrieved for to the industries it concerns.
/// </summary>
public sealed class TopicIndustryMap
{
    private readonly Dictionary<string, (string IndustryId, double Weight)[]> _byTopic;

    /// <summary>Rows with the same (topic, industry) are summed; zero weights are dropped.</summary>
    public TopicIndustryMap(IEnumerable<TopicIndustryLink> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        _byTopic = links
            .Where(link => link.Weight != 0)
            .GroupBy(link => link.TopicId, StringComparer.Ordinal)
            .ToDictionary(
                topic => topic.Key,
                topic => topic
                    .GroupBy(link => link.IndustryId, StringComparer.Ordinal)
                    .Select(industry => (industry.Key, industry.Sum(link => link.Weight)))
                    .OrderBy(industry => industry.Key, StringComparer.Ordinal)
                    .ToArray(),
                StringComparer.Ordinal);
    }

    public int TopicCount => _byTopic.Count;

    /// <summary>The links out of <paramref name="topicId"/> as this map reads them (summed per industry, non-zero), by industry id.</summary>
    public IEnumerable<TopicIndustryLink> LinksOf(string topicId) =>
        _byTopic.TryGetValue(topicId, out var industries)
            ? industries.Where(industry => industry.Weight != 0).Select(industry => new TopicIndustryLink(topicId, industry.IndustryId, industry.Weight))
            : [];

    /// <summary>
    /// Weight of industry i = Σ_t sim_t · w(t, i) / Σ_t sim_t over the hits t: the similarity-weighted mean of the
    /// link weights, so it stays in the links' range [−1, 1] however many topics were hit, and a topic the text is
    /// closer to counts for more. A hit with no link to i counts as weight 0 for i. Industries whose weight sums to 0
    /// are left out. Ordered by |weight| descending, then industry id.
    /// </summary>
    public IReadOnlyList<IndustryExposure> IndustriesFor(IReadOnlyList<TopicHit> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        double totalSimilarity = 0;
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var hit in hits)
        {
            if (!(hit.Similarity > 0))
            {
                continue;
            }

            totalSimilarity += hit.Similarity;
            if (!_byTopic.TryGetValue(hit.TopicId, out var industries))
            {
                continue;
            }

            foreach (var (industryId, weight) in industries)
            {
                sums[industryId] = sums.GetValueOrDefault(industryId) + (hit.Similarity * weight);
            }
        }

        var result = new List<IndustryExposure>(sums.Count);
        foreach (var (industryId, sum) in sums)
        {
            var weight = sum / totalSimilarity;
            if (weight != 0)
            {
                result.Add(new IndustryExposure(industryId, Math.Clamp(weight, -1, 1)));
            }
        }

        result.Sort(static (a, b) =>
        {
            var bySize = b.Strength.CompareTo(a.Strength);
            return bySize != 0 ? bySize : string.CompareOrdinal(a.IndustryId, b.IndustryId);
        });
        return result;
    }
}
