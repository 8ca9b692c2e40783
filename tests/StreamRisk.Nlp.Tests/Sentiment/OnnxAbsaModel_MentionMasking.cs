using StreamRisk.Nlp.Manifests;
using StreamRisk.Nlp.Sentiment;

namespace StreamRisk.Nlp.Tests.Sentiment;

/// <summary>A model whose manifest says <c>mention_masking: issuers</c> never reads issuer names.</summary>
public class OnnxAbsaModel_MentionMasking
{
    // One WordPiece token per name, so the two texts have the same length and differ only in the names.
    private const string First = "Apple beat Google to the contract, and Google will appeal.";
    private const string Second = "Paris beat London to the contract, and London will appeal.";

    [Fact]
    public void Texts_that_differ_only_in_their_names_score_the_same()
    {
        using var masked = TestModels.AbsaGraphWith(m => m["mention_masking"] = "issuers");
        var requests = new[]
        {
            AbsaRequests.For(First, "A", "Apple"), AbsaRequests.For(First, "G", "Google"),
            AbsaRequests.For(Second, "P", "Paris"), AbsaRequests.For(Second, "L", "London"),
        };

        var scored = masked.Score(requests);
        var unmasked = TestModels.AbsaGraph.Score(requests);

        Assert.Equal(MentionMasking.Issuers, masked.Masking);
        Assert.Equal(scored[0].Positive, scored[2].Positive, 6);
        Assert.Equal(scored[1].Negative, scored[3].Negative, 6);
        // The random test model does read names when they are not masked, so the equality above is the masking's doing.
        Assert.NotEqual(unmasked[0].Positive, unmasked[2].Positive, 6);
    }

    [Fact]
    public void Masking_is_off_without_the_field()
    {
        Assert.Equal(MentionMasking.None, TestModels.AbsaGraph.Masking);
    }

    [Fact]
    public void A_vocabulary_without_the_reserved_tokens_is_a_manifest_error()
    {
        var vocab = Path.Combine(Directory.CreateTempSubdirectory("streamrisk-vocab-").FullName, "vocab.txt");
        File.WriteAllLines(vocab, ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "bank"]);

        var e = Assert.Throws<ModelManifestException>(() => TestModels.AbsaGraphWith(m =>
        {
            m["mention_masking"] = "issuers";
            m["tokenizer"]!["vocab_file"] = vocab;
        }).Dispose());

        Assert.Equal("mention_masking", e.Field);
        Assert.Contains("[unused1]", e.Message);
    }
}
