using StreamRisk.Core.Sentiment;

namespace StreamRisk.Core.Tests.Sentiment;

public class SentimentTokenizer_Boundaries
{
    private static List<(string Text, TokenKind Kind)> Tokens(string text)
    {
        var buffer = Array.Empty<TextToken>();
        var count = SentimentTokenizer.Tokenize(text, ref buffer);
        return buffer.Take(count).Select(t => (text.Substring(t.Start, t.Length), t.Kind)).ToList();
    }

    [Fact]
    public void Numbers_contractions_and_compounds_stay_one_word()
    {
        var words = Tokens("Profit rose 3.5% to 1,000 and didn't hit above-average levels")
            .Where(t => t.Kind == TokenKind.Word).Select(t => t.Text).ToList();

        Assert.Equal(["Profit", "rose", "3.5", "to", "1,000", "and", "didn't", "hit", "above-average", "levels"], words);
    }

    [Fact]
    public void Abbreviations_followed_by_lower_case_do_not_end_a_sentence()
    {
        var kinds = Tokens("Acme Inc. said profit rose. Shares fell!").Select(t => t.Kind).ToList();

        Assert.Equal(2, kinds.Count(k => k == TokenKind.SentenceBreak));
        Assert.Equal(TokenKind.SentenceBreak, kinds[^1]);
    }

    [Fact]
    public void Runs_of_boundaries_collapse_into_the_strongest()
    {
        var tokens = Tokens("Alpha rose, ; .\n\nBeta fell");

        Assert.Equal([TokenKind.Word, TokenKind.Word, TokenKind.SentenceBreak, TokenKind.Word, TokenKind.Word], tokens.Select(t => t.Kind));
    }

    [Fact]
    public void Each_cjk_character_is_a_word_and_cjk_punctuation_is_a_boundary()
    {
        var tokens = Tokens("利润下降，评级。");

        Assert.Equal(["利", "润", "下", "降", "，", "评", "级", "。"], tokens.Select(t => t.Text));
        Assert.Equal(TokenKind.ClauseBreak, tokens[4].Kind);
        Assert.Equal(TokenKind.SentenceBreak, tokens[^1].Kind);
    }

    [Fact]
    public void Tokens_point_into_the_text_in_order_without_overlap()
    {
        const string text = "Alpha Steel (ALS) - the steelmaker - said: revenue fell 2.1 % y/y; margins?";
        var buffer = new TextToken[2];

        var count = SentimentTokenizer.Tokenize(text, ref buffer);

        for (var k = 1; k < count; k++)
        {
            Assert.True(buffer[k - 1].End <= buffer[k].Start);
        }

        Assert.All(buffer.Take(count), t => Assert.InRange(t.End, 1, text.Length));
    }
}
