using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Events;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Topics;

namespace StreamRisk.Core.Tests.Topics;

/// <summary>The paths on an industry event explain exactly what the matrix weighed: Σ contribution / Σ similarity = tone × signed exposure.</summary>
public sealed class TopicPaths_Properties
{
    private static readonly string[] TopicIds = ["t0", "t1", "t2", "t3"];
    private static readonly string[] IndustryIds = ["i0", "i1", "i2"];

    private static Arbitrary<(TopicHit[] Hits, TopicIndustryLink[] Links, double Tone)> Cases { get; } =
        (from hitCount in Gen.Choose(0, 3)
         from topics in Gen.Shuffle(TopicIds)
         from sims in Gen.ArrayOf(Gen.Choose(-2, 10), hitCount)
         from links in Gen.SubListOf(TopicIds.SelectMany(t => IndustryIds.Select(i => (t, i))).ToArray())
         from weights in Gen.ArrayOf(Gen.Choose(-10, 10), links.Count)
         from tone in Gen.Choose(-10, 10)
         select (topics.Take(hitCount).Select((t, k) => new TopicHit(t, sims[k] / 10.0)).ToArray(),
             links.Select((l, k) => new TopicIndustryLink(l.t, l.i, weights[k] / 10.0)).ToArray(), tone / 10.0)).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Contributions_sum_to_tone_times_exposure_for_every_industry_reached() => Prop.ForAll(Cases, c =>
    {
        var paths = TopicPaths.For(c.Hits, c.Links, c.Tone);
        var exposures = new TopicIndustryMap(c.Links).IndustriesFor(c.Hits);
        var totalSimilarity = c.Hits.Where(h => h.Similarity > 0).Sum(h => h.Similarity);
        return exposures.All(e =>
            paths.TryGetValue(e.IndustryId, out var industry)
            && Math.Abs(industry.Sum(p => p.Contribution) / totalSimilarity - c.Tone * e.Weight) < 1e-12
            && industry.All(p => p.Sentiment == c.Tone && p.Similarity > 0
                && Math.Abs(p.Contribution - (p.Similarity * p.Sentiment * p.AffectsWeight)) < 1e-15));
    });

    [Property(MaxTest = 500)]
    public Property Only_hit_topics_with_a_link_appear_largest_contribution_first() => Prop.ForAll(Cases, c =>
    {
        var paths = TopicPaths.For(c.Hits, c.Links, c.Tone);
        var hit = c.Hits.Where(h => h.Similarity > 0).Select(h => h.TopicId).ToHashSet();
        return paths.All(industry =>
            industry.Value.All(p => hit.Contains(p.TopicId) && c.Links.Any(l => l.TopicId == p.TopicId && l.IndustryId == industry.Key && l.Weight == p.AffectsWeight && l.Weight != 0))
            && industry.Value.Zip(industry.Value.Skip(1)).All(pair => Math.Abs(pair.First.Contribution) >= Math.Abs(pair.Second.Contribution)));
    });

    [Fact]
    public void A_topic_that_hurts_the_industry_turns_good_news_into_a_negative_contribution()
    {
        var paths = TopicPaths.For([new TopicHit("oil_up", 0.5), new TopicHit("strike", 0.25)],
            [new TopicIndustryLink("oil_up", "airlines", -0.6), new TopicIndustryLink("oil_up", "oil_gas", 0.8), new TopicIndustryLink("strike", "airlines", -0.4)], 1);

        Assert.Equal([new TopicPath("oil_up", 0.5, 1, -0.6, -0.3), new TopicPath("strike", 0.25, 1, -0.4, -0.1)], paths["airlines"]);
        Assert.Equal([new TopicPath("oil_up", 0.5, 1, 0.8, 0.4)], paths["oil_gas"]);
    }
}
