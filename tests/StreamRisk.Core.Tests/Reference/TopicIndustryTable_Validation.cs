using StreamRisk.Core.Reference;
using static StreamRisk.Core.Tests.Reference.ReferenceFiles;

namespace StreamRisk.Core.Tests.Reference;

public class TopicIndustryTable_Validation
{
    private const string Header = "topic_id,industry_id,weight";

    private static IReadOnlyList<TopicIndustryLink> Parse(params string[] rows) =>
        TopicIndustryTable.Parse(Lines("topic_industry.csv", [Header, .. rows]), SampleTopics, SampleIndustries);

    [Fact]
    public void Valid_links_keep_sign_and_value()
    {
        var links = Parse("oil_up,oil_gas,0.8", "oil_up,airlines,-0.7", "rate_hike,banks,1");

        Assert.Equal([new TopicIndustryLink("oil_up", "oil_gas", 0.8), new TopicIndustryLink("oil_up", "airlines", -0.7), new TopicIndustryLink("rate_hike", "banks", 1.0)], links);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0,5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void Weight_that_is_not_a_finite_number_is_rejected(string weight)
    {
        var e = Assert.Throws<ReferenceDataException>(() => Parse("oil_up,oil_gas,0.8", $"rate_hike,banks,\"{weight}\""));

        Assert.Equal(3, e.LineNumber);
        Assert.Equal("weight", e.Field);
    }

    [Theory]
    [InlineData("1.01")]
    [InlineData("-1.5")]
    [InlineData("2e3")]
    public void Weight_outside_minus_one_to_one_is_rejected(string weight)
    {
        var e = Assert.Throws<ReferenceDataException>(() => Parse("oil_up,oil_gas,0.8", $"rate_hike,banks,{weight}"));

        Assert.Equal($"topic_industry.csv line 3, field 'weight': {weight} is outside [-1, 1]; the sign gives the direction, the size the strength", e.Message);
    }

    [Fact]
    public void Unknown_topic_is_rejected()
    {
        var e = Assert.Throws<ReferenceDataException>(() => Parse("oil_up,oil_gas,0.8", "rate_hike,banks,0.1", "gold_up,banks,0.2"));

        Assert.Equal(4, e.LineNumber);
        Assert.Equal("topic_id", e.Field);
        Assert.Contains("topics.csv", e.Message);
    }

    [Fact]
    public void Unknown_industry_is_rejected()
    {
        var e = Assert.Throws<ReferenceDataException>(() => Parse("oil_up,IND99,0.8", "rate_hike,banks,0.1"));

        Assert.Equal("topic_industry.csv line 2, field 'industry_id': unknown industry 'IND99' (known ids are in industries.csv)", e.Message);
    }

    [Fact]
    public void Duplicate_pair_is_rejected()
    {
        var e = Assert.Throws<ReferenceDataException>(() => Parse("oil_up,oil_gas,0.8", "rate_hike,banks,0.1", "oil_up,oil_gas,0.5"));

        Assert.Equal(4, e.LineNumber);
        Assert.Contains("line 2", e.Message);
    }

    [Fact]
    public void Topic_without_any_industry_is_rejected()
    {
        var e = Assert.Throws<ReferenceDataException>(() => Parse("oil_up,oil_gas,0.8", "oil_up,airlines,-0.7"));

        Assert.Null(e.LineNumber);
        Assert.Contains("'rate_hike' has no industry", e.Message);
    }
}
