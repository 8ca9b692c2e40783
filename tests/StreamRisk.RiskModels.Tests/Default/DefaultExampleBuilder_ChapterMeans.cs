using StreamRisk.Core.Events;
using StreamRisk.RiskModels.Default;
using static StreamRisk.RiskModels.Tests.Default.DefaultMarkets;

namespace StreamRisk.RiskModels.Tests.Default;

/// <summary>A statement's chapter is the mean embedding of that chapter's texts published after the previous statement
/// and up to it (the last one known also up to the origin); null when there is none.</summary>
public sealed class DefaultExampleBuilder_ChapterMeans
{
    private const int Risk = 0; // DisclosureChapters.Names order
    private const int Notice = 1;

    // Statements of 2001Q1 (published 2001-05-10 noon), 2001Q2 (2001-08-09), 2001Q3 (2001-11-09).
    private static readonly Fundamentals[] Statements =
    [
        Statement("A", new DateOnly(2001, 3, 31)), Statement("A", new DateOnly(2001, 6, 30)), Statement("A", new DateOnly(2001, 9, 30)),
    ];

    // The one-hot embedder puts 'a' (97) at 97 % 8 = 1, 'b' at 2, 'c' at 3, 'd' at 4.
    private static readonly IssuerDisclosure[] Texts =
    [
        new("A", Risk, At(2001, 1, 2), "a: entry risk factors"),
        new("A", Risk, At(2001, 5, 10, hour: 12), "b: same instant as the first statement: belongs to it"),
        new("A", Notice, At(2001, 6, 1), "c: notice between statements 1 and 2"),
        new("A", Notice, At(2001, 7, 1), "d: another one"),
        new("A", Notice, At(2001, 7, 2), "d: and another one"),
        new("A", Risk, At(2001, 11, 20), "c: after the last statement, before the 2001-12-31 origin"),
        new("A", Notice, At(2002, 1, 5), "a: after the origin"),
    ];

    private static DefaultExample Example(DateOnly origin)
    {
        var market = Market(4, ["A"], Statements, Texts);
        return DefaultExampleBuilder.Build(market, DefaultDatasetOptions.Default, new OneHotEmbedder()).Single(e => e.Origin == origin);
    }

    [Fact]
    public void Texts_are_averaged_per_chapter_within_the_statement_windows()
    {
        var quarters = Example(new DateOnly(2001, 12, 31)).Quarters;
        Assert.Equal(3, quarters.Count);

        // Statement 1: risk factors a and b (mean 0.5 / 0.5), no notice.
        Assert.Equal([0, 0.5f, 0.5f, 0, 0, 0, 0, 0], quarters[0].Chapters[Risk]!);
        Assert.Null(quarters[0].Chapters[Notice]);
        // Statement 2: notices c, d, d → 1/3 at c, 2/3 at d; no risk factors.
        Assert.Null(quarters[1].Chapters[Risk]);
        Assert.Equal([0, 0, 0, 1 / 3f, 2 / 3f, 0, 0, 0], quarters[1].Chapters[Notice]!);
        // Statement 3, the last known: the risk factors published after it but before the origin; not the notice after the origin.
        Assert.Equal([0, 0, 0, 1f, 0, 0, 0, 0], quarters[2].Chapters[Risk]!);
        Assert.Null(quarters[2].Chapters[Notice]);
    }

    [Fact]
    public void Each_text_is_embedded_once_however_many_examples_hold_it()
    {
        var embedder = new OneHotEmbedder();
        var examples = DefaultExampleBuilder.Build(Market(4, ["A"], Statements, Texts), DefaultDatasetOptions.Default, embedder);
        Assert.True(examples.Count > 5);
        Assert.Equal(Texts.Length, embedder.Calls);
    }
}
