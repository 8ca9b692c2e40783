using StreamRisk.Core.Events;
using StreamRisk.RiskModels.Artifacts;
using StreamRisk.RiskModels.Default;
using StreamRisk.RiskModels.Default.Classifiers;

namespace StreamRisk.RiskModels.Tests.Default;

/// <summary>One hidden unit that reads one column: its probabilities and attribution can be worked out by hand.</summary>
public sealed class TabularMlpClassModel_HandWorked : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("streamrisk-tabular-mlp-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly IReadOnlyList<string> Columns = TabularMlpClassModel.ColumnNames(["m0", "m1"], TestDefaults.ChapterNames, false, 0);

    private TabularMlpClassModel Model(string column)
    {
        var d = Columns.Count;
        var w1 = new double[d];
        w1[Columns.ToList().IndexOf(column)] = 1;
        // h = relu(z_column); logits (0, 0, h).
        var weights = new MlpWeights(d, 1, 3, w1, [0], [0, 0, 1], [0, 0, 0]);
        var normalisation = new FeatureNormalisation(new double[d], Enumerable.Repeat(1.0, d).ToArray());
        var artifact = TabularMlpClassModel.Save(_dir, TabularMlpExamples.Description(text: false, smote: false), weights, normalisation,
            new TrainingDataInfo("h", "unit", 1), new Dictionary<string, double>(), 1, "test");
        return TabularMlpClassModel.FromArtifact(artifact);
    }

    private static DefaultExample Example(double m1, bool riskText)
    {
        var end = new DateOnly(2020, 6, 30);
        var quarter = new DisclosedQuarter(end, new DateTimeOffset(2020, 8, 14, 0, 0, 0, TimeSpan.Zero), 0, new double[32], [0, m1],
            [riskText ? new float[TestDefaults.Dimension] : null, null]);
        return new DefaultExample("I1", "IND", new DateOnly(2020, 9, 30), RiskClass.Performing, [quarter]);
    }

    [Fact]
    public void A_unit_on_one_macro_column_gives_it_all_the_attribution()
    {
        var score = Model("macro_m1").Score(Example(2, riskText: true));
        var e2 = Math.Exp(2);
        Assert.Equal(1 / (2 + e2), score.PPerforming, 12);
        Assert.Equal(e2 / (2 + e2), score.PDefaulted, 12);
        var top = Assert.Single(score.Explanation.TopFeatures);
        Assert.Equal(("macro_m1", new DateOnly(2020, 6, 30), 1.0), (top.Feature, top.PeriodEnd, top.Weight));
        Assert.Equal((1.0, 0.0), (score.Explanation.NumbersWeight, score.Explanation.TextWeight));
        Assert.All(score.Explanation.Chapters, c => Assert.Equal(0, c.Weight));
    }

    [Fact]
    public void A_unit_on_a_chapter_flag_puts_the_attribution_on_that_chapter()
    {
        var score = Model("text_risk").Score(Example(2, riskText: true));
        Assert.Empty(score.Explanation.TopFeatures);
        Assert.Equal((0.0, 1.0), (score.Explanation.NumbersWeight, score.Explanation.TextWeight));
        Assert.Equal([("risk", 1.0), ("outlook", 0.0)], score.Explanation.Chapters.Select(c => (c.Chapter, c.Weight)));
    }

    [Fact]
    public void An_inactive_unit_attributes_nothing_and_the_numbers_keep_the_weight()
    {
        // relu(−2) = 0: equal logits, no gradient reaches any column.
        var score = Model("macro_m1").Score(Example(-2, riskText: false));
        Assert.Equal(1 / 3.0, score.PDefaulted, 12);
        Assert.Empty(score.Explanation.TopFeatures);
        Assert.Equal((1.0, 0.0), (score.Explanation.NumbersWeight, score.Explanation.TextWeight));
    }
}
