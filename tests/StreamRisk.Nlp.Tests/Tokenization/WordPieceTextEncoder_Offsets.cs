using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace StreamRisk.Nlp.Tests.Tokenization;

public class WordPieceTextEncoder_Offsets
{
    [Fact]
    public void Offsets_point_at_the_original_characters_through_accents_emoji_and_cjk()
    {
        const string text = "🚀 Société Générale\tcut 股份 ratings; ACME-Corp.";

        var tokens = TestModels.Tokenizer.Encode(text);
        var words = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var surface = text[tokens.Starts[i]..tokens.Ends[i]];
            if (tokens.IsContinuation[i]) words[^1] += surface;
            else words.Add(surface);
        }

        Assert.Equal(["🚀", "Société", "Générale", "cut", "股", "份", "ratings", ";", "ACME", "-", "Corp", "."], words);
        Assert.Equal(100, tokens.Ids[0]);
    }

    [Property]
    public bool Offsets_are_ordered_and_inside_the_text(NonNull<string> input)
    {
        var text = input.Get;
        var tokens = TestModels.Tokenizer.Encode(text);
        var previousEnd = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens.Starts[i] < previousEnd || tokens.Ends[i] <= tokens.Starts[i] || tokens.Ends[i] > text.Length) return false;
            previousEnd = tokens.Ends[i];
        }
        return true;
    }

    [Property]
    public bool A_word_surrounded_by_spaces_is_tokenised_alike_anywhere(PositiveInt leading)
    {
        var prefix = new string(' ', leading.Get % 50);
        var alone = TestModels.Tokenizer.Encode("Meridian Holdings");
        var shifted = TestModels.Tokenizer.Encode(prefix + "Meridian Holdings");

        return alone.Ids.SequenceEqual(shifted.Ids) && alone.Starts.Select(s => s + prefix.Length).SequenceEqual(shifted.Starts);
    }
}
