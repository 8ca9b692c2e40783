using StreamRisk.Core.Graph;
using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Tests.Graph;

public sealed class IssuerPlacement_Rule
{
    [Fact]
    public void Every_industry_at_or_above_the_threshold_is_kept_most_similar_first()
    {
        var placed = IssuerPlacement.Place([new("banks", 0.2), new("steel", 0.5), new("coal", 0.3), new("media", 0.29)], 0.3);

        Assert.Equal([new PlacedIndustry("steel", 0.5), new PlacedIndustry("coal", 0.3)], placed);
    }

    [Fact]
    public void With_none_above_the_threshold_the_single_best_is_kept_ties_by_id()
    {
        var placed = IssuerPlacement.Place([new("steel", 0.1), new("coal", 0.2), new("banks", 0.2)], 0.3);

        Assert.Equal([new PlacedIndustry("banks", 0.2)], placed);
    }

    [Fact]
    public void NaN_similarities_never_place_and_nothing_to_place_gives_nothing()
    {
        Assert.Equal([new PlacedIndustry("coal", 0.01)], IssuerPlacement.Place([new("steel", double.NaN), new("coal", 0.01)], 0.5));
        Assert.Empty(IssuerPlacement.Place([new("steel", double.NaN)], 0.5));
        Assert.Empty(IssuerPlacement.Place([], 0.5));
    }

    [Fact]
    public void Vectors_are_compared_by_cosine_and_must_share_a_length()
    {
        var industries = new List<(string, float[])> { ("a", [1, 0]), ("b", [0.6f, 0.8f]), ("c", [0, 1]) };

        var placed = IssuerPlacement.Place([0.8f, 0.6f], industries, 0.75);

        Assert.Equal(["b", "a"], placed.Select(p => p.IndustryId));
        Assert.Equal(0.96, placed[0].Similarity, 6);
        Assert.Throws<ArgumentException>(() => IssuerPlacement.Place([1f, 0, 0], industries, 0.9));
    }

    [Fact]
    public void The_built_in_embedder_places_a_description_in_the_industry_it_describes()
    {
        Industry[] industries =
        [
            new("coal", "Coal mining", "Energy") { Definition = "Miners of thermal and metallurgical coal sold to power stations and steel mills." },
            new("banks", "Banks", "Financials") { Definition = "Deposit-taking banks that lend to households and companies." },
            new("airlines", "Airlines", "Industrials") { Definition = "Passenger and cargo airlines flying scheduled routes." },
        ];
        var embedder = IssuerPlacement.BuiltInEmbedder(industries);

        var placed = IssuerPlacement.Place(embedder.Embed("Operates open-cut coal mines supplying power stations."),
            IssuerPlacement.IndustryVectors(industries, embedder), IssuerPlacementOptions.DefaultThreshold);

        Assert.Equal("coal", placed[0].IndustryId);
        Assert.Equal("Coal mining. Miners of thermal", IssuerPlacement.IndustryText(industries[0])[..30]);
        Assert.Equal("Banks", IssuerPlacement.IndustryText(new Industry("banks", "Banks", "Financials")));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_threshold_outside_zero_to_one_is_a_problem(double threshold)
    {
        Assert.Contains("--placement-threshold must be a number in [0, 1]", new IssuerPlacementOptions { Threshold = threshold }.Problem());
        Assert.Null(new IssuerPlacementOptions { Threshold = 0 }.Problem());
        Assert.Null(IssuerPlacementOptions.Default.Problem());
    }
}
