using StreamRisk.Core.Sentiment;

namespace StreamRisk.Core.Tests.Sentiment;

public class LexiconFirmSentimentModel_IssuerScope
{
    [Fact]
    public void Opposite_moves_of_two_issuers_in_one_sentence_score_with_opposite_signs()
    {
        const string text = "Alpha Steel rose 11 % while Beta Mining fell 8 %.";

        var alpha = FirmScoring.ScoreFor(text, "Alpha Steel", "Alpha Steel", "Beta Mining");
        var beta = FirmScoring.ScoreFor(text, "Beta Mining", "Alpha Steel", "Beta Mining");

        Assert.True(alpha.Score > 0, $"Alpha: {alpha}");
        Assert.True(beta.Score < 0, $"Beta: {beta}");
    }

    [Fact]
    public void A_batch_scores_each_issuer_of_a_shared_text_from_pooled_mentions()
    {
        const string text = "Alpha Steel rose 11 % while Beta Mining fell 8 %.";
        var all = FirmScoring.MentionsOf(text, "Alpha Steel", "Beta Mining");
        var requests = new[]
        {
            new AspectRequest(text, "Alpha Steel", all.Where(m => m.IssuerId == "Alpha Steel").ToList()),
            new AspectRequest(text, "Beta Mining", all.Where(m => m.IssuerId == "Beta Mining").ToList()),
        };

        var scores = FirmScoring.Model.Score(requests);

        Assert.Equal(FirmScoring.ScoreFor(text, "Alpha Steel", "Alpha Steel", "Beta Mining"), scores[0]);
        Assert.Equal(FirmScoring.ScoreFor(text, "Beta Mining", "Alpha Steel", "Beta Mining"), scores[1]);
    }

    [Theory]
    [InlineData(", while Beta Mining collapsed into bankruptcy after a profit warning")]
    [InlineData(". Beta Mining defaulted on its bonds and was downgraded to junk")]
    [InlineData(", whereas Beta Mining won a great contract and soared")]
    [InlineData(" and Beta Mining fell sharply")]
    public void A_clause_about_another_issuer_does_not_move_this_one(string otherClause)
    {
        const string own = "Alpha Steel's quarterly profit rose";

        var alone = FirmScoring.ScoreFor(own + ".", "Alpha Steel", "Alpha Steel", "Beta Mining");
        var withOther = FirmScoring.ScoreFor(own + otherClause + ".", "Alpha Steel", "Alpha Steel", "Beta Mining");

        Assert.Equal(alone.Positive, withOther.Positive, 12);
        Assert.Equal(alone.Negative, withOther.Negative, 12);
    }

    [Fact]
    public void Issuers_listed_together_share_the_words_that_follow_the_list()
    {
        const string text = "Alpha Steel, Beta Mining and Gamma Power were downgraded.";
        string[] names = ["Alpha Steel", "Beta Mining", "Gamma Power"];

        foreach (var name in names)
        {
            Assert.True(FirmScoring.ScoreFor(text, name, names).Score < 0, name);
        }
    }

    [Fact]
    public void An_unnamed_clause_counts_for_the_issuer_named_before_it_but_less_than_a_named_one()
    {
        var named = FirmScoring.ScoreFor("Alpha Steel defaulted.", "Alpha Steel");
        var carried = FirmScoring.ScoreFor("Alpha Steel said on Monday, it defaulted.", "Alpha Steel");
        var unrelated = FirmScoring.ScoreFor("Alpha Steel said on Monday, Beta Mining defaulted.", "Alpha Steel", "Alpha Steel", "Beta Mining");

        Assert.True(carried.Score < 0, $"carried: {carried}");
        Assert.True(named.Score < carried.Score, $"named {named} vs carried {carried}");
        Assert.Equal(0, unrelated.Score, 12);
    }

    [Fact]
    public void A_sentence_without_names_counts_for_the_issuer_of_the_previous_sentence()
    {
        const string text = "Beta Mining held its meeting. Alpha Steel published results. The company defaulted on its bonds.";

        var alpha = FirmScoring.ScoreFor(text, "Alpha Steel", "Alpha Steel", "Beta Mining");
        var beta = FirmScoring.ScoreFor(text, "Beta Mining", "Alpha Steel", "Beta Mining");

        Assert.True(alpha.Score < 0, $"Alpha: {alpha}");
        Assert.Equal(0, beta.Score, 12);
    }

    [Fact]
    public void Words_inside_an_issuer_name_are_not_scored()
    {
        // "Good" and "Hope" are lexicon words; as part of a name they say nothing about the issuer.
        var score = FirmScoring.ScoreFor("Good Hope Holdings held its annual meeting.", "Good Hope Holdings");

        Assert.Equal(1.0, score.Neutral, 12);
    }
}
