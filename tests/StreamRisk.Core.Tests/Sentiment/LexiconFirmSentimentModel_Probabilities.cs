using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace StreamRisk.Core.Tests.Sentiment;

public class LexiconFirmSentimentModel_Probabilities
{
    private static readonly string[] Pieces =
    [
        "Alpha Steel", "Beta Mining", "rose", "fell", "sharply", "slightly", "not", "never", "profit warning", "default",
        "downgraded", "strong", "growth", "while", "but", "and", ",", ".", ";", "the", "bonds", "failed to", "n't",
        "record", "loss", "upgrade", "covenant breach", "利润", "下降", "é", "!", "\n", "3.5", "%", "without",
    ];

    public static Arbitrary<string> NewsLikeText() =>
        Gen.ArrayOf(Gen.Elements(Pieces)).Select(words => string.Join(' ', words)).ToArbitrary();

    [Property(Arbitrary = new[] { typeof(LexiconFirmSentimentModel_Probabilities) }, MaxTest = 300)]
    public bool Probabilities_are_a_distribution_and_the_score_is_their_difference(string text)
    {
        var p = FirmScoring.ScoreFor(text, "Alpha Steel", "Alpha Steel", "Beta Mining");

        return p.Negative >= 0 && p.Neutral >= 0 && p.Positive >= 0
            && Math.Abs(p.Negative + p.Neutral + p.Positive - 1) < 1e-12
            && p.Score >= -1 && p.Score <= 1
            && Math.Abs(p.Score - (p.Positive - p.Negative)) < 1e-15;
    }

    [Property(Arbitrary = new[] { typeof(LexiconFirmSentimentModel_Probabilities) }, MaxTest = 100)]
    public bool Scoring_is_deterministic(string text) =>
        FirmScoring.ScoreFor(text, "Beta Mining", "Alpha Steel", "Beta Mining")
        == FirmScoring.ScoreFor(text, "Beta Mining", "Alpha Steel", "Beta Mining");

    [Theory]
    [InlineData("Alpha Steel will hold its annual general meeting in Rotterdam on 14 May.")]
    [InlineData("Alpha Steel appointed a new chief financial officer, the company said in a statement.")]
    public void Text_without_sentiment_words_is_mostly_neutral(string text)
    {
        var p = FirmScoring.ScoreFor(text, "Alpha Steel");

        Assert.True(p.Neutral > 0.8, p.ToString());
    }

    [Fact]
    public void One_mild_word_is_less_certain_than_several_strong_ones()
    {
        var mild = FirmScoring.ScoreFor("Alpha Steel's sales rose.", "Alpha Steel");
        var strong = FirmScoring.ScoreFor("Alpha Steel posted record profits, strong growth and an upgrade.", "Alpha Steel");

        Assert.True(mild.Neutral > strong.Neutral);
        Assert.True(strong.Score > mild.Score);
    }

    [Theory]
    [InlineData("阿尔法钢铁公司利润大幅下降，评级被下调。")]
    [InlineData("アルファ製鉄は社債の利払いを延期した。")]
    [InlineData("알파제철이 채무불이행을 선언했다.")]
    [InlineData("\uD83D\uDCC9 Alpha Steel \uD83D\uDCC9")]
    [InlineData("")]
    public void Non_latin_and_empty_text_scores_without_error(string text)
    {
        var mentions = text.Length > 4 ? [new StreamRisk.Core.Events.IssuerMention("Alpha Steel", text[..2], 0, 2, "exact", 1)] : Array.Empty<StreamRisk.Core.Events.IssuerMention>();

        var p = FirmScoring.Model.Score(text, "Alpha Steel", mentions);

        Assert.Equal(1.0, p.Negative + p.Neutral + p.Positive, 12);
    }

    [Fact]
    public void Mentions_outside_the_text_are_ignored()
    {
        var mentions = new[] { new StreamRisk.Core.Events.IssuerMention("Alpha Steel", "Alpha", 500, 505, "exact", 1) };

        var p = FirmScoring.Model.Score("Alpha Steel rose.", "Alpha Steel", mentions);

        Assert.Equal(1.0, p.Negative + p.Neutral + p.Positive, 12);
    }
}
