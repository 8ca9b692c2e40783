using StreamRisk.Nlp.Entities;
using StreamRisk.Nlp.Tokenization;

namespace StreamRisk.Nlp.Tests.Entities;

public class BioSpanDecoder_Decode
{
    private static readonly string[] Labels = ["O", "B-ORG", "I-ORG", "B-PER", "I-PER"];
    private static readonly HashSet<string> Org = ["ORG"];

    // "Acme Widgetco and Jo Lee" → acme | widget ##co | and | jo | lee
    private static readonly TokenizedText Tokens = new(
        [1, 2, 3, 4, 5, 6],
        [0, 5, 11, 14, 18, 21],
        [4, 11, 13, 17, 20, 24],
        [false, false, true, false, false, false]);

    [Fact]
    public void Word_pieces_follow_their_first_piece()
    {
        // The ##co piece says O but belongs to the entity its word started.
        var spans = BioSpanDecoder.Decode(Tokens, [1, 2, 0, 0, 3, 4], Labels, Org);

        Assert.Equal([new EntitySpan(0, 13, "ORG")], spans);
    }

    [Fact]
    public void An_inside_label_without_a_beginning_starts_an_entity()
    {
        var spans = BioSpanDecoder.Decode(Tokens, [0, 2, 0, 0, 0, 0], Labels, Org);

        Assert.Equal([new EntitySpan(5, 13, "ORG")], spans);
    }

    [Fact]
    public void A_new_beginning_splits_adjacent_entities_and_types_are_filtered()
    {
        var spans = BioSpanDecoder.Decode(Tokens, [1, 1, 0, 0, 3, 4], Labels, new HashSet<string> { "ORG", "PER" });

        Assert.Equal([new EntitySpan(0, 4, "ORG"), new EntitySpan(5, 13, "ORG"), new EntitySpan(18, 24, "PER")], spans);
        Assert.Equal(2, BioSpanDecoder.Decode(Tokens, [1, 1, 0, 0, 3, 4], Labels, Org).Count);
    }
}
