namespace StreamRisk.Core.Tests.Sentiment;

public class LexiconFirmSentimentModel_Negation
{
    [Theory]
    [InlineData("Alpha Steel reported good results.", "Alpha Steel did not report good results.")]
    [InlineData("Alpha Steel defaulted on its bonds.", "Alpha Steel never defaulted on its bonds.")]
    [InlineData("Alpha Steel was downgraded.", "Alpha Steel wasn't downgraded.")]
    [InlineData("Alpha Steel beat expectations.", "Alpha Steel failed to beat expectations.")]
    [InlineData("Alpha Steel refinanced its loans.", "Alpha Steel ended the year without having refinanced its loans.")]
    public void A_negator_flips_the_polarity_of_the_words_after_it(string plain, string negated)
    {
        var before = FirmScoring.ScoreFor(plain, "Alpha Steel");
        var after = FirmScoring.ScoreFor(negated, "Alpha Steel");

        Assert.NotEqual(0, before.Score);
        Assert.Equal(-Math.Sign(before.Score), Math.Sign(after.Score));
    }

    [Fact]
    public void A_negation_is_milder_than_the_opposite_word()
    {
        var notGood = FirmScoring.ScoreFor("Alpha Steel's results were not great.", "Alpha Steel");
        var bad = FirmScoring.ScoreFor("Alpha Steel's results were terrible.", "Alpha Steel");

        Assert.True(notGood.Score < 0);
        Assert.True(bad.Score < notGood.Score, $"terrible {bad} vs not great {notGood}");
    }

    [Fact]
    public void A_negation_does_not_reach_past_its_clause()
    {
        var plain = FirmScoring.ScoreFor("Alpha Steel gave no details, profit rose.", "Alpha Steel");

        Assert.True(plain.Score > 0, plain.ToString());
    }

    [Fact]
    public void A_failed_attempt_with_nothing_to_negate_stays_negative()
    {
        var score = FirmScoring.ScoreFor("Alpha Steel failed to pay the coupon.", "Alpha Steel");

        Assert.True(score.Score < 0, score.ToString());
    }
}
