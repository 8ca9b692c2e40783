using StreamRisk.Core.Events;
using StreamRisk.RiskModels.Default;
using StreamRisk.RiskModels.Default.Features;

namespace StreamRisk.RiskModels.Tests.Default.Features;

public sealed class ChapterEmbeddingFeatures_Append
{
    private static DisclosedQuarter Quarter(int month, float[]? first, float[]? second) =>
        new(new DateOnly(2020, month, 28), new DateTimeOffset(2020, month, 28, 0, 0, 0, TimeSpan.Zero), 3, [], [], [first, second]);

    [Fact]
    public void Each_chapter_is_the_mean_over_the_newest_four_statements_that_had_it()
    {
        var example = new DefaultExample("I", "IND", new DateOnly(2021, 1, 1), RiskClass.Performing,
        [
            Quarter(1, [100, 100], null), // fifth newest: outside the window
            Quarter(3, [1, 2], null),
            Quarter(5, null, null),
            Quarter(7, [3, 6], [5, 5]),
            Quarter(9, null, null),
        ]);
        var row = ChapterEmbeddingFeatures.Append([9, 8], example, chapters: 2, dimension: 2);
        Assert.Equal([9, 8, 2, 4, 5, 5], row);
        Assert.Equal(["emb_a_0", "emb_a_1", "emb_b_0", "emb_b_1"], ChapterEmbeddingFeatures.Names(["a", "b"], 2));
    }

    [Fact]
    public void No_text_gives_zeros_and_a_wrong_dimension_names_the_issuer()
    {
        var none = new DefaultExample("I", "IND", new DateOnly(2021, 1, 1), RiskClass.Performing, [Quarter(3, null, null)]);
        Assert.Equal([1, 0, 0, 0, 0], ChapterEmbeddingFeatures.Append([1], none, 2, 2));
        var wrong = new DefaultExample("ISS9", "IND", new DateOnly(2021, 1, 1), RiskClass.Performing, [Quarter(3, [1, 2, 3], null)]);
        var e = Assert.Throws<ArgumentException>(() => ChapterEmbeddingFeatures.Append([1], wrong, 2, 2));
        Assert.Contains("ISS9", e.Message);
        Assert.Contains("3-dimensional", e.Message);
    }
}
