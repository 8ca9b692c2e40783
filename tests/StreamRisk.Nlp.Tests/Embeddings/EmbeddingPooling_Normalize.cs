using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Nlp.Embeddings;

namespace StreamRisk.Nlp.Tests.Embeddings;

public class EmbeddingPooling_Normalize
{
    [Property]
    public bool A_nonzero_vector_becomes_unit_length_and_keeps_its_direction(NormalFloat[] values)
    {
        var v = (values ?? []).Select(x => (float)(x.Get % 1000)).ToArray();
        var before = v.ToArray();
        EmbeddingPooling.Normalize(v);
        var norm = Math.Sqrt(before.Sum(x => (double)x * x));
        if (norm == 0) return v.All(x => x == 0);

        return Math.Abs(Math.Sqrt(v.Sum(x => (double)x * x)) - 1) < 1e-5
               && v.Zip(before).All(p => Math.Abs(p.First - p.Second / norm) < 1e-5);
    }

    [Fact]
    public void Mean_pooling_ignores_padding_positions()
    {
        float[] hidden = [1, 0, 3, 0, 100, 100];

        var v = EmbeddingPooling.Pool(hidden, 2, realTokens: 2, meanPooling: true);

        Assert.Equal([1f, 0f], v);
    }
}
