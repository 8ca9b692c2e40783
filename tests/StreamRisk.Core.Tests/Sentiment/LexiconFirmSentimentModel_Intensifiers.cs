namespace StreamRisk.Core.Tests.Sentiment;

public class LexiconFirmSentimentModel_Intensifiers
{
    [Theory]
    [InlineData("Alpha Steel's profit fell slightly.", "Alpha Steel's profit fell.", "Alpha Steel's profit fell sharply.")]
    [InlineData("Alpha Steel's sales slightly declined.", "Alpha Steel's sales declined.", "Alpha Steel's sales significantly declined.")]
    [InlineData("Alpha Steel posted a modest gain.", "Alpha Steel posted a gain.", "Alpha Steel posted a substantial gain.")]
    public void Intensifiers_scale_the_word_they_modify(string weaker, string plain, string stronger)
    {
        var low = Math.Abs(FirmScoring.ScoreFor(weaker, "Alpha Steel").Score);
        var mid = Math.Abs(FirmScoring.ScoreFor(plain, "Alpha Steel").Score);
        var high = Math.Abs(FirmScoring.ScoreFor(stronger, "Alpha Steel").Score);

        Assert.True(low < mid && mid < high, $"{low} < {mid} < {high}");
    }

    [Fact]
    public void An_intensifier_keeps_the_sign_of_the_word()
    {
        var score = FirmScoring.ScoreFor("Alpha Steel's profit fell sharply.", "Alpha Steel");

        Assert.True(score.Score < 0);
    }
}
