using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Events;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Topics;

namespace StreamRisk.Core.Tests.Topics;

public class TopicIndustryMap_IndustriesFor
{
    private static readonly TopicIndustryMap Map = new(
    [
        new TopicIndustryLink("crude_oil", "energy", 0.9),
        new TopicIndustryLink("crude_oil", "airlines", -0.7),
        new TopicIndustryLink("typhoon", "airlines", -0.4),
        new TopicIndustryLink("typhoon", "insurance", -0.8),
        new TopicIndustryLink("typhoon", "construction", 0.3),
    ]);

    [Fact]
    public void Weight_is_the_similarity_weighted_mean_of_link_weights()
    {
        var exposures = Map.IndustriesFor([new TopicHit("crude_oil", 0.6), new TopicHit("typhoon", 0.2)]);
        var weight = exposures.ToDictionary(e => e.IndustryId, e => e.Weight);

        Assert.Equal(((0.6 * -0.7) + (0.2 * -0.4)) / 0.8, weight["airlines"], 12);
        Assert.Equal(0.6 * 0.9 / 0.8, weight["energy"], 12);
        Assert.Equal(0.2 * -0.8 / 0.8, weight["insurance"], 12);
        Assert.Equal(0.2 * 0.3 / 0.8, weight["construction"], 12);
    }

    [Fact]
    public void A_negative_link_turns_good_news_into_bad_news_for_the_industry()
    {
        var exposures = Map.IndustriesFor([new TopicHit("crude_oil", 0.7)]);
        var airlines = exposures.Single(e => e.IndustryId == "airlines");
        var energy = exposures.Single(e => e.IndustryId == "energy");

        // "Oil prices surge" read with a positive tone: good for producers, bad for airlines.
        Assert.True(airlines.ToneFor(0.5) < 0);
        Assert.True(energy.ToneFor(0.5) > 0);
        Assert.Equal(0.5, airlines.ToneFor(-0.5));
        Assert.Equal(Math.Abs(airlines.Weight), airlines.Strength);
    }

    [Fact]
    public void Industries_come_strongest_first_and_unknown_topics_only_dilute()
    {
        var known = Map.IndustriesFor([new TopicHit("typhoon", 0.5)]);
        var diluted = Map.IndustriesFor([new TopicHit("typhoon", 0.5), new TopicHit("not_linked", 0.5)]);

        Assert.Equal(["insurance", "airlines", "construction"], known.Select(e => e.IndustryId));
        Assert.Equal(known.Select(e => e.Weight / 2), diluted.Select(e => e.Weight));
        Assert.Empty(Map.IndustriesFor([]));
    }

    [Fact]
    public void Links_that_cancel_leave_the_industry_out()
    {
        var map = new TopicIndustryMap([new TopicIndustryLink("a", "x", 0.5), new TopicIndustryLink("b", "x", -0.5)]);

        Assert.Empty(map.IndustriesFor([new TopicHit("a", 0.4), new TopicHit("b", 0.4)]));
    }

    public static Arbitrary<TopicHit[]> Hits() =>
        Gen.ArrayOf(Gen.Elements("crude_oil", "typhoon", "other").SelectMany(topic =>
                Gen.Choose(1, 100).Select(s => new TopicHit(topic, s / 100.0))))
            .ToArbitrary();

    [Property(Arbitrary = new[] { typeof(TopicIndustryMap_IndustriesFor) })]
    public bool Weights_stay_in_range_and_ignore_the_scale_of_similarities(TopicHit[] hits)
    {
        var exposures = Map.IndustriesFor(hits);
        var halved = Map.IndustriesFor(hits.Select(h => h with { Similarity = h.Similarity / 2 }).ToList());

        return exposures.All(e => e.Weight is >= -1 and <= 1)
            && exposures.Select(e => e.IndustryId).SequenceEqual(halved.Select(e => e.IndustryId))
            && exposures.Zip(halved).All(p => Math.Abs(p.First.Weight - p.Second.Weight) < 1e-12);
    }
}
