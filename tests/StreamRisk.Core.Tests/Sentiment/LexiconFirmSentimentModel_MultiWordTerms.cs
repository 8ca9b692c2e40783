using StreamRisk.Core.Sentiment;

namespace StreamRisk.Core.Tests.Sentiment;

public class LexiconFirmSentimentModel_MultiWordTerms
{
    [Theory]
    [InlineData("Alpha Steel issued a profit warning.")]
    [InlineData("Alpha Steel suffered a credit rating downgrade.")]
    [InlineData("Alpha Steel reported a covenant breach.")]
    [InlineData("Alpha Steel filed for chapter 11.")]
    [InlineData("Alpha Steel's outlook was revised to negative outlook by the agency.")]
    public void Credit_terms_the_word_list_lacks_are_negative(string text)
    {
        var score = FirmScoring.ScoreFor(text, "Alpha Steel");

        Assert.True(score.Score < 0, score.ToString());
    }

    [Fact]
    public void The_longest_matching_term_wins()
    {
        var lexicon = SentimentLexicon.FromTerms(
        [
            new("rating downgrade", -1),
            new("credit rating downgrade", -5),
        ]);
        var model = new LexiconFirmSentimentModel(lexicon);
        const string text = "Alpha Steel suffered a credit rating downgrade.";

        var full = model.Score(text, "Alpha Steel", FirmScoring.MentionsOf(text, "Alpha Steel"));
        var shorter = model.Score("Alpha Steel suffered a rating downgrade.", "Alpha Steel", FirmScoring.MentionsOf(text, "Alpha Steel"));

        Assert.True(full.Negative > shorter.Negative, $"{full} vs {shorter}");
    }

    [Fact]
    public void A_multi_word_term_is_not_matched_across_a_boundary()
    {
        var lexicon = SentimentLexicon.FromTerms([new("profit warning", -3)]);
        var model = new LexiconFirmSentimentModel(lexicon);
        const string text = "Alpha Steel reported profit. Warning lights were installed.";

        var score = model.Score(text, "Alpha Steel", FirmScoring.MentionsOf(text, "Alpha Steel"));

        Assert.Equal(1.0, score.Neutral, 12);
    }
}
