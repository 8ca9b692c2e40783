using StreamRisk.Nlp.Embeddings;

namespace StreamRisk.Nlp.Tests.Embeddings;

public class OnnxTextEmbedder_Normalization
{
    private static readonly string[] Texts =
    [
        "Central bank raises rates by 50bp.",
        "Flooding shut three refineries on the coast, and fuel prices jumped across the region for a week.",
        "",
        string.Join(' ', Enumerable.Repeat("long text beyond the model's maximum length", 60)),
    ];

    [Fact]
    public void Vectors_have_unit_length_and_the_model_dimension()
    {
        using var mean = OnnxTextEmbedder.Load(TestModels.File("embed-mean.manifest.json"));
        foreach (var embedder in new[] { TestModels.EmbedCls, mean })
        {
            foreach (var v in embedder.EmbedBatch(Texts))
            {
                Assert.Equal(32, v.Length);
                Assert.Equal(1.0, Math.Sqrt(v.Sum(x => (double)x * x)), 1e-5);
            }
        }
    }

    [Fact]
    public void Batched_vectors_equal_single_ones()
    {
        using var mean = OnnxTextEmbedder.Load(TestModels.File("embed-mean.manifest.json"), new() { BatchSize = 4 });

        var batched = mean.EmbedBatch(Texts);

        for (var i = 0; i < Texts.Length; i++)
        {
            var single = mean.Embed(Texts[i]);
            for (var d = 0; d < single.Length; d++) Assert.Equal(single[d], batched[i][d], 1e-5);
        }
    }

    [Fact]
    public void Cls_and_mean_pooling_differ_and_texts_differ()
    {
        using var mean = OnnxTextEmbedder.Load(TestModels.File("embed-mean.manifest.json"));

        var cls = TestModels.EmbedCls.Embed(Texts[0]);
        var avg = mean.Embed(Texts[0]);
        var other = TestModels.EmbedCls.Embed(Texts[1]);

        Assert.True(cls.Zip(avg).Sum(p => p.First * p.Second) < 0.9999);
        Assert.True(cls.Zip(other).Sum(p => p.First * p.Second) < 0.9999);
        Assert.Equal("streamrisk-test-embed-cls@1", TestModels.EmbedCls.ModelId);
    }
}
