using StreamRisk.Core.Events;
using StreamRisk.RiskModels.Default;

namespace StreamRisk.RiskModels.Tests.Default;

public class DefaultTensors_PadsAndNormalises
{
    [Fact]
    public void TheNormalisation_IsTheSignedLogStandardisedOverTrainingQuarters_WithConstantsAtScaleOne()
    {
        // Two examples, three quarters in all; feature 0 takes e − 1, 0 and −(e − 1): slog = 1, 0, −1 → mean 0, sd 1.
        var e1 = Math.E - 1;
        var examples = new[]
        {
            Example(RiskClass.Performing, Quarter(0, [e1, 5], [0.0], [null]), Quarter(3, [0, 5], [0.0], [null])),
            Example(RiskClass.Defaulted, Quarter(0, [-e1, 5], [0.0], [new float[] { 1, 2 }])),
        };
        var n = DefaultTensors.Fit(examples);
        Assert.Equal(3, n.Features);
        Assert.Equal(1, n.Chapters);
        Assert.Equal(2, n.EmbeddingDimension);
        Assert.Equal(0, n.Mean[0], 12);
        Assert.Equal(1, n.Scale[0], 12);
        Assert.Equal(Math.Log(6), n.Mean[1], 12);
        Assert.Equal(1, n.Scale[1]); // constant indicator: no division by 0
        Assert.Equal(1f, n.Apply(e1, 0), 5);
        Assert.Equal(0f, n.Apply(double.NaN, 0));
        Assert.Equal(5f, n.Apply(1e30, 0)); // slog(1e30) ≈ 69 sd: clipped at +5
        Assert.Equal(-5f, n.Apply(-1e30, 0));
    }

    [Fact]
    public void ABatch_HoldsTheNewestQuarters_OldestFirst_RightPadded_WithStepAndChapterMasks()
    {
        var quarters = Enumerable.Range(0, 5).Select(i => Quarter(i == 0 ? 0 : 3, [i, 0], [0.0], [i == 4 ? null : new float[] { i, -i }])).ToArray();
        var longOne = Example(RiskClass.Extended, quarters);
        var shortOne = Example(RiskClass.Defaulted, quarters[0]);
        var n = new DefaultNormalisation([0, 0, 0], [1, 1, 1], 1, 2);
        var batch = DefaultTensors.Build([longOne, shortOne], n, steps: 3);

        Assert.Equal(new[] { 1, 2 }, batch.Labels);
        // Example 0 keeps quarters 2, 3, 4 (the newest three), oldest first.
        Assert.Equal(new float[] { 1, 1, 1, 1, 0, 0 }, batch.StepMask);
        for (var t = 0; t < 3; t++) Assert.Equal((float)Math.Log(1 + t + 2), batch.Values[t * 3], 5);
        Assert.Equal(new float[] { 3, 3, 3, 0, 0, 0 }, batch.Elapsed);
        // Quarter 4 had no text: chapter mask 0 and zeros.
        Assert.Equal(new float[] { 1, 1, 0, 1, 0, 0 }, batch.ChapterMask);
        Assert.Equal(new float[] { 2, -2, 3, -3, 0, 0 }, batch.Text.AsSpan(0, 6).ToArray());
        // Example 1 has one quarter, then padding: zeros everywhere.
        Assert.True(batch.Values.AsSpan(9 + 3, 6).ToArray().All(v => v == 0));
        Assert.True(batch.Text.AsSpan(6 + 2, 4).ToArray().All(v => v == 0));
    }

    [Fact]
    public void AQuarterOfAnotherWidth_IsRefused_NamingTheIssuer()
    {
        var n = new DefaultNormalisation([0, 0, 0], [1, 1, 1], 1, 2);
        var bad = Example(RiskClass.Performing, Quarter(0, [1, 2, 3], [0.0], [null]));
        var ex = Assert.Throws<ArgumentException>(() => DefaultTensors.Build([bad], n, 2));
        Assert.Contains("X1", ex.Message);
    }

    internal static DefaultExample Example(RiskClass label, params DisclosedQuarter[] quarters) =>
        new("X1", "IND", new DateOnly(2020, 1, 1), label, quarters);

    internal static DisclosedQuarter Quarter(double months, double[] financial, double[] macro, float[]?[] chapters) =>
        new(new DateOnly(2019, 3, 31), DateTimeOffset.UnixEpoch, months, financial, macro, chapters);
}
