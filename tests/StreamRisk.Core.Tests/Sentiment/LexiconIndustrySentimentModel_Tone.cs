using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Sentiment;

namespace StreamRisk.Core.Tests.Sentiment;

public class LexiconIndustrySentimentModel_Tone
{
    private static readonly LexiconIndustrySentimentModel Model = new();

    [Fact]
    public void Good_and_bad_news_have_opposite_signs()
    {
        Assert.True(Model.Score("Crude oil prices surged on strong demand. Refiners reported record profits.") > 0);
        Assert.True(Model.Score("A typhoon destroyed ports and caused severe losses. Shipping slumped.") < 0);
    }

    [Fact]
    public void Negation_flips_the_tone()
    {
        var plain = Model.Score("The central bank's decision was good for lenders.");
        var negated = Model.Score("The central bank's decision was not good for lenders.");

        Assert.True(plain > 0);
        Assert.True(negated < 0);
    }

    [Fact]
    public void The_tone_is_the_mean_over_sentences_with_sentiment()
    {
        var bad = Model.Score("Exports collapsed.");
        var good = Model.Score("Exports surged.");
        var both = Model.Score("Exports collapsed. The ministry met on Tuesday. Exports surged.");

        Assert.Equal((bad + good) / 2, both, 12);
    }

    [Fact]
    public void Neutral_text_scores_zero()
    {
        Assert.Equal(0, Model.Score("The ministry published its monthly statistics on Tuesday."));
    }

    public static Arbitrary<string> Texts() =>
        Gen.ArrayOf(Gen.Elements("oil", "surged", "collapsed", "not", "sharply", "crisis", "growth", ".", ",", "but", "旱灾", "!"))
            .Select(words => string.Join(' ', words)).ToArbitrary();

    [Property(Arbitrary = new[] { typeof(LexiconIndustrySentimentModel_Tone) })]
    public bool The_tone_lies_in_minus_one_to_one(string text)
    {
        var score = Model.Score(text);
        return score is >= -1 and <= 1;
    }
}
