using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Topics;

namespace StreamRisk.Core.Tests.Topics;

public class ExactCosineIndex_Search
{
    public static Arbitrary<float[][]> Vectors() =>
        Gen.Choose(1, 40).SelectMany(count =>
                Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(-3, 3).Select(x => (float)x), 5), count))
            .ToArbitrary();

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var k = 0; k < a.Length; k++)
        {
            dot += a[k] * b[k];
            na += a[k] * a[k];
            nb += b[k] * b[k];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    /// <summary>The similarity the index computes, in the same float arithmetic, so exact ties stay exact.</summary>
    private static double IndexSimilarity(float[] query, float[] stored)
    {
        var normalised = (float[])stored.Clone();
        var norm = MathF.Sqrt(ExactCosineIndex.Dot(normalised, normalised));
        for (var k = 0; norm > 0 && k < normalised.Length; k++)
        {
            normalised[k] /= norm;
        }

        var queryNorm = MathF.Sqrt(ExactCosineIndex.Dot(query, query));
        return Math.Clamp(ExactCosineIndex.Dot(query, normalised) * (queryNorm > 0 ? 1 / queryNorm : 0), -1.0, 1.0);
    }

    [Property(Arbitrary = new[] { typeof(ExactCosineIndex_Search) })]
    public bool Top_k_equals_brute_force_sort(float[][] vectors, PositiveInt k)
    {
        var index = new ExactCosineIndex();
        for (var i = 0; i < vectors.Length; i++)
        {
            index.Upsert($"v{i:D2}", vectors[i]);
        }

        var query = vectors[^1].Select((x, j) => x + j - 2f).ToArray();
        var expected = vectors
            .Select((v, i) => new VectorHit($"v{i:D2}", IndexSimilarity(query, v)))
            .OrderByDescending(h => h.Similarity)
            .ThenBy(h => h.Id, StringComparer.Ordinal)
            .Take(k.Get)
            .ToList();

        var actual = index.Search(query, k.Get);

        return actual.SequenceEqual(expected)
            && actual.All(h => Math.Abs(h.Similarity - Cosine(query, vectors[int.Parse(h.Id[1..])])) < 1e-5);
    }

    [Fact]
    public void Equal_similarities_rank_by_id()
    {
        var index = new ExactCosineIndex();
        foreach (var id in new[] { "t9", "t1", "t5", "t10" })
        {
            index.Upsert(id, [1f, 1f, 0f]);
        }

        index.Upsert("t0", [0f, 0f, 1f]);

        var hits = index.Search([2f, 2f, 0f], 3);

        Assert.Equal(["t1", "t10", "t5"], hits.Select(h => h.Id));
        Assert.All(hits, h => Assert.Equal(1.0, h.Similarity, 5));
    }

    [Fact]
    public void Upsert_replaces_the_vector_of_an_existing_id()
    {
        var index = new ExactCosineIndex(2);
        index.Upsert("a", [1f, 0f]);
        index.Upsert("b", [0f, 1f]);
        index.Upsert("a", [0f, 3f]);

        var hits = index.Search([0f, 1f], 2);

        Assert.Equal(2, index.Count);
        Assert.All(hits, h => Assert.Equal(1.0, h.Similarity, 5));
    }

    [Fact]
    public void A_vector_of_the_wrong_dimension_is_rejected()
    {
        var index = new ExactCosineIndex(3);

        Assert.Throws<ArgumentException>(() => index.Upsert("a", [1f, 0f]));
        index.Upsert("a", [1f, 0f, 0f]);
        Assert.Throws<ArgumentException>(() => index.Search([1f], 1));
    }

    [Fact]
    public void An_empty_index_or_zero_k_finds_nothing()
    {
        var index = new ExactCosineIndex();
        Assert.Empty(index.Search([1f, 2f], 3));

        index.Upsert("a", [1f, 2f]);
        Assert.Empty(index.Search([1f, 2f], 0));
    }
}
