using StreamRisk.Core.Events;
using StreamRisk.Core.Text;
using StreamRisk.Nlp.Entities;

namespace StreamRisk.Nlp.Tests.Entities;

public class CombinedIssuerRecognizer_Combine
{
    private sealed class Fixed(params IssuerMention[] mentions) : IIssuerRecognizer
    {
        public IReadOnlyList<IssuerMention> Recognize(string text) => mentions;
    }

    private static readonly IssuerMention ModelShort = new("MER", "Meridian", 0, 8, "exact", 1.0);
    private static readonly IssuerMention ModelOther = new("ZEN", "Zenith", 30, 36, "fuzzy", 0.9);
    private static readonly IssuerMention GazetteerLong = new("MER", "Meridian Holdings", 0, 17, "exact", 1.0);
    private static readonly IssuerMention GazetteerOnly = new("APX", "Apex", 50, 54, "exact", 1.0);

    [Fact]
    public void Union_keeps_both_and_the_longer_of_overlapping_mentions_in_text_order()
    {
        var combined = new CombinedIssuerRecognizer(new Fixed(ModelOther, ModelShort), new Fixed(GazetteerOnly, GazetteerLong), RecognizerCombination.Union);

        Assert.Equal([GazetteerLong, ModelOther, GazetteerOnly], combined.Recognize("x"));
    }

    [Fact]
    public void Equal_spans_prefer_the_more_similar_then_the_model()
    {
        var fuzzy = ModelShort with { IssuerId = "OTHER", Method = "fuzzy", Similarity = 0.85 };
        var sameExact = ModelShort with { IssuerId = "GAZ" };

        Assert.Equal([ModelShort], new CombinedIssuerRecognizer(new Fixed(fuzzy), new Fixed(ModelShort), RecognizerCombination.Union).Recognize("x"));
        Assert.Equal([ModelShort], new CombinedIssuerRecognizer(new Fixed(ModelShort), new Fixed(sameExact), RecognizerCombination.Union).Recognize("x"));
    }

    [Fact]
    public void Model_only_and_other_only_pass_one_side_through()
    {
        var model = new Fixed(ModelShort);
        var other = new Fixed(GazetteerOnly);

        Assert.Equal([ModelShort], new CombinedIssuerRecognizer(model, other, RecognizerCombination.ModelOnly).Recognize("x"));
        Assert.Equal([GazetteerOnly], new CombinedIssuerRecognizer(model, other, RecognizerCombination.OtherOnly).Recognize("x"));
    }
}
