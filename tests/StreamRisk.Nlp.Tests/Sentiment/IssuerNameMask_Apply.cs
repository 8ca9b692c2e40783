using StreamRisk.Nlp.Sentiment;
using StreamRisk.Nlp.Tokenization;

namespace StreamRisk.Nlp.Tests.Sentiment;

/// <summary>The scored issuer's mentions and the text's other issuers' names become two reserved tokens; every other
/// token and every token position stays as it was.</summary>
public class IssuerNameMask_Apply
{
    private static readonly IssuerNameMask Mask = IssuerNameMask.For(TestModels.Tokenizer)!;

    [Fact]
    public void Scored_and_other_issuers_get_their_reserved_tokens_and_nothing_else_changes()
    {
        const string text = "Victory Lane Motors beat Gloom Holdings to the order; Gloom Holdings will appeal.";
        var request = AbsaRequests.For(text, "VLM", "Victory Lane Motors");
        var tokens = TestModels.Tokenizer.Encode(text);

        var masked = Mask.Apply(tokens, request, ["Gloom Holdings"]);

        Assert.Equal(tokens.Starts, masked.Starts);
        Assert.Equal(tokens.Ends, masked.Ends);
        var other = text.IndexOf("Gloom", StringComparison.Ordinal);
        var otherAgain = text.LastIndexOf("Gloom", StringComparison.Ordinal);
        for (var t = 0; t < tokens.Count; t++)
        {
            var start = tokens.Starts[t];
            var expected = start < "Victory Lane Motors".Length ? Mask.IssuerId
                : (start >= other && start < other + 14) || (start >= otherAgain && start < otherAgain + 14) ? Mask.OtherId
                : tokens.Ids[t];
            Assert.Equal(expected, masked.Ids[t]);
        }
        Assert.Contains(Mask.OtherId, masked.Ids);
    }

    [Fact]
    public void Texts_that_differ_only_in_their_names_read_the_same()
    {
        var a = Masked("Prosperity Bank beat Acme Corp to the contract.", "Prosperity Bank", "Acme Corp");
        var b = Masked("Doom Valley Holdings beat Zed Industrial Group to the contract.", "Doom Valley Holdings", "Zed Industrial Group");

        Assert.Equal(Collapsed(a), Collapsed(b));
        Assert.NotEqual(a.Length, b.Length);
    }

    [Fact]
    public void An_other_name_inside_the_scored_issuers_mention_stays_the_scored_issuer()
    {
        const string text = "Apex Energy Partners sold a plant to Apex Energy.";
        var request = AbsaRequests.For(text, "AEP", "Apex Energy Partners");
        request = request with { Mentions = request.Mentions.Where(m => m.Start == 0).ToList() };

        var masked = Mask.Apply(TestModels.Tokenizer.Encode(text), request, ["Apex Energy"]);

        Assert.Equal(Mask.IssuerId, masked.Ids[0]);
        Assert.Equal([Mask.IssuerId, Mask.OtherId], Collapsed(masked.Ids).Where(id => id == Mask.IssuerId || id == Mask.OtherId));
    }

    [Fact]
    public void Other_names_are_those_of_the_other_issuers_of_the_same_text()
    {
        const string first = "Acme Corp beat Beta Bank.";
        const string second = "Gamma Oil cut its dividend.";
        var requests = new[]
        {
            AbsaRequests.For(first, "ACME", "Acme Corp"),
            AbsaRequests.For(second, "GAM", "Gamma Oil"),
            AbsaRequests.For(first, "BETA", "Beta Bank"),
        };

        var others = IssuerNameMask.OtherNames(requests);

        Assert.Equal(["Beta Bank"], others[0]);
        Assert.Empty(others[1]);
        Assert.Equal(["Acme Corp"], others[2]);
    }

    [Fact]
    public void A_vocabulary_without_the_reserved_tokens_gives_no_mask()
    {
        var vocab = Path.Combine(Directory.CreateTempSubdirectory("streamrisk-vocab-").FullName, "vocab.txt");
        File.WriteAllLines(vocab, ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "bank"]);

        Assert.Null(IssuerNameMask.For(WordPieceTextEncoder.FromVocabulary(vocab, true, true, true)));
        Assert.NotNull(IssuerNameMask.For(TestModels.Tokenizer));
    }

    private static int[] Masked(string text, string issuer, string other) =>
        Mask.Apply(TestModels.Tokenizer.Encode(text), AbsaRequests.For(text, "X", issuer), [other]).Ids;

    /// <summary>The ids with every run of one reserved token shortened to a single token.</summary>
    private static int[] Collapsed(int[] ids) =>
        ids.Where((id, i) => i == 0 || id != ids[i - 1] || (id != Mask.IssuerId && id != Mask.OtherId)).ToArray();
}
