using StreamRisk.Nlp.Tokenization;

namespace StreamRisk.Nlp.Tests.Tokenization;

public class MentionTokenMapper_Map
{
    [Fact]
    public void A_mention_maps_to_exactly_the_tokens_of_its_characters()
    {
        const string text = "😶 Après Zenith-Trading's downgrade, Zenith rallied.";
        var tokens = TestModels.Tokenizer.Encode(text);
        var start = text.IndexOf("Zenith-Trading", StringComparison.Ordinal);
        var end = start + "Zenith-Trading".Length;

        var range = MentionTokenMapper.Map(tokens, start, end)!.Value;

        Assert.Equal(start, tokens.Starts[range.First]);
        Assert.Equal(end, tokens.Ends[range.End - 1]);
        Assert.True(range.First == 0 || tokens.Ends[range.First - 1] <= start);
        Assert.True(range.End == tokens.Count || tokens.Starts[range.End] >= end);
    }

    [Fact]
    public void A_partial_word_mention_takes_the_whole_overlapping_tokens()
    {
        const string text = "Meridian bonds";
        var tokens = TestModels.Tokenizer.Encode(text);

        var range = MentionTokenMapper.Map(tokens, 2, 5)!.Value;

        Assert.Equal(0, range.First);
        Assert.True(tokens.Ends[range.End - 1] >= 5);
        Assert.True(tokens.Starts[range.End - 1] < 5);
    }

    [Fact]
    public void A_span_of_spaces_maps_to_no_token()
    {
        var tokens = TestModels.Tokenizer.Encode("Apex    Energy");

        Assert.Null(MentionTokenMapper.Map(tokens, 5, 7));
    }
}
