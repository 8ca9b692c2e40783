using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Topics;

namespace StreamRisk.Core.Tests.Topics;

public class HashedTfIdfEmbedder_Vectors
{
    private static readonly HashedTfIdfEmbedder Embedder = new(TestTopics.All.Select(t => t.Definition));

    private static double Cosine(float[] a, float[] b) => ExactCosineIndex.Dot(a, b);

    private static float[] TopicVector(string id) => Embedder.Embed(TestTopics.All.Single(t => t.TopicId == id).Definition);

    public static Arbitrary<string> Texts() =>
        Gen.ArrayOf(Gen.Elements("oil", "Oil", "prices", "typhoon", "Société", "générale", "利润", "下降", "rate", "cut", ".", "-", "42", " ", "ü"))
            .Select(words => string.Join(' ', words)).ToArbitrary();

    [Property(Arbitrary = new[] { typeof(HashedTfIdfEmbedder_Vectors) })]
    public bool Vectors_are_unit_length_or_zero_when_the_text_has_no_word(string text)
    {
        var vector = Embedder.Embed(text);
        var norm = Math.Sqrt(vector.Sum(x => (double)x * x));
        var hasWord = text.Any(char.IsLetterOrDigit);

        return vector.Length == Embedder.Dimension && (hasWord ? Math.Abs(norm - 1) < 1e-5 : norm == 0);
    }

    [Property(Arbitrary = new[] { typeof(HashedTfIdfEmbedder_Vectors) }, MaxTest = 50)]
    public bool Two_embedders_built_alike_give_identical_vectors(string text)
    {
        var other = new HashedTfIdfEmbedder(TestTopics.All.Select(t => t.Definition));

        return Embedder.Embed(text).AsSpan().SequenceEqual(other.Embed(text));
    }

    [Fact]
    public void An_oil_text_is_nearer_the_crude_oil_topic_than_the_typhoon_topic()
    {
        var text = Embedder.Embed("Brent crude jumped 4% after OPEC agreed deeper production cuts, lifting oil prices.");

        Assert.True(Cosine(text, TopicVector("crude_oil")) > Cosine(text, TopicVector("typhoon")) + 0.05);
    }

    [Fact]
    public void A_storm_text_is_nearer_the_typhoon_topic_than_the_oil_topic()
    {
        var text = Embedder.Embed("A powerful typhoon made landfall, flooding the port and shutting factories along the coast.");

        Assert.True(Cosine(text, TopicVector("typhoon")) > Cosine(text, TopicVector("crude_oil")) + 0.05);
    }

    [Fact]
    public void Case_and_accents_do_not_change_the_vector()
    {
        Assert.Equal(Embedder.Embed("Société Générale CAFÉ"), Embedder.Embed("societe generale cafe"));
    }

    [Fact]
    public void Cjk_texts_embed_and_related_ones_are_closer()
    {
        var drought = Embedder.Embed("严重干旱导致农作物减产");
        var drought2 = Embedder.Embed("干旱使农作物大幅减产");
        var chips = Embedder.Embed("半导体出口管制升级");

        Assert.True(Cosine(drought, drought2) > Cosine(drought, chips));
        Assert.Equal(1.0, Cosine(chips, chips), 5);
    }

    [Fact]
    public void The_dimension_is_configurable_and_named_in_the_model_id()
    {
        var small = new HashedTfIdfEmbedder(["a b c"], new HashedTfIdfOptions { Dimension = 256 });

        Assert.Equal(256, small.Embed("oil prices").Length);
        Assert.Contains("256", small.ModelId);
    }

    [Fact]
    public void Words_frequent_in_the_corpus_weigh_less_than_rare_ones()
    {
        var embedder = new HashedTfIdfEmbedder(["market oil", "market storm", "market chips", "market rates"],
            new HashedTfIdfOptions { CharNgramWeight = 0, BigramWeight = 0 });
        var query = embedder.Embed("market oil");

        Assert.True(Cosine(query, embedder.Embed("oil")) > Cosine(query, embedder.Embed("market")));
    }
}
