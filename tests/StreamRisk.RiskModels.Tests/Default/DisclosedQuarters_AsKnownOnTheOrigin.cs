using StreamRisk.Core.Events;
using StreamRisk.RiskModels.Default;

namespace StreamRisk.RiskModels.Tests.Default;

public class DisclosedQuarters_AsKnownOnTheOrigin
{
    private static Fundamentals Statement(string periodEnd, string published, double debtToAssets = 0.5) =>
        new("ISS1", DateOnly.Parse(periodEnd), DateTimeOffset.Parse(published + "T08:00:00Z"), new Dictionary<string, double> { ["debt_to_assets"] = debtToAssets });

    private static ChapterText Text(string published, int chapter, float value) =>
        new(DateTimeOffset.Parse(published + "T12:00:00Z"), chapter, [value, 0]);

    private static readonly Fundamentals[] Statements =
    [
        Statement("2023-09-30", "2023-11-10"),
        Statement("2023-12-31", "2024-03-20"),
        Statement("2024-03-31", "2024-05-10"),
    ];

    [Fact]
    public void OnlyStatementsPublishedByTheOrigin_AreRead_OldestFirst_WithTheirMonthsBetweenPeriodEnds()
    {
        var quarters = DisclosedQuarters.AsOf(new DateOnly(2024, 5, 9), Statements, [], _ => [], 2, 8);
        Assert.Equal([new DateOnly(2023, 9, 30), new DateOnly(2023, 12, 31)], quarters.Select(q => q.PeriodEnd));
        Assert.Equal(0, quarters[0].MonthsSincePrevious);
        // 2023-09-30 → 2023-12-31 is 92 days; a month is 365.25 / 12 = 30.4375 days → 3.0226 months.
        Assert.Equal(92 / 30.4375, quarters[1].MonthsSincePrevious, 9);

        var onTheDay = DisclosedQuarters.AsOf(new DateOnly(2024, 5, 10), Statements, [], _ => [], 2, 8);
        Assert.Equal(3, onTheDay.Count);
    }

    [Fact]
    public void OnlyTheNewestQuarters_AreKept_AndARestatementReplacesItsPeriod()
    {
        var restated = Statements.Append(Statement("2023-12-31", "2024-04-02", debtToAssets: 0.9)).ToArray();
        var quarters = DisclosedQuarters.AsOf(new DateOnly(2024, 6, 1), restated, [], _ => [], 2, 2);
        Assert.Equal([new DateOnly(2023, 12, 31), new DateOnly(2024, 3, 31)], quarters.Select(q => q.PeriodEnd));
        var debtToAssets = StreamRisk.Core.Simulation.EmdlotIndicators.Names.ToList().IndexOf("debt_to_assets");
        Assert.Equal(0.9, quarters[0].Financial[debtToAssets]);
        Assert.True(double.IsNaN(quarters[0].Financial[0])); // not disclosed: NaN, the model's training mean
    }

    [Fact]
    public void AQuartersChapters_AverageTheTextsSinceThePreviousStatement_AndTheNewestRunsToTheOrigin()
    {
        ChapterText[] texts =
        [
            Text("2023-11-01", 0, 1),  // up to the first statement → quarter 1
            Text("2024-01-15", 0, 2),  // between statements 1 and 2 → quarter 2
            Text("2024-02-15", 0, 4),  // → quarter 2
            Text("2024-04-01", 1, 8),  // between statements 2 and 3 → quarter 3
            Text("2024-05-20", 1, 16), // after statement 3, before the origin → quarter 3 (the newest runs to the origin)
            Text("2024-06-02", 1, 32), // after the origin → nobody
        ];
        var quarters = DisclosedQuarters.AsOf(new DateOnly(2024, 6, 1), Statements, texts, _ => [], 2, 8);
        Assert.Equal(1f, quarters[0].Chapters[0]![0]);
        Assert.Null(quarters[0].Chapters[1]);
        Assert.Equal(3f, quarters[1].Chapters[0]![0]); // (2 + 4) / 2
        Assert.Null(quarters[1].Chapters[1]);
        Assert.Null(quarters[2].Chapters[0]);
        Assert.Equal(12f, quarters[2].Chapters[1]![0]); // (8 + 16) / 2
    }

    [Fact]
    public void AfterALateFiling_NoTextIsReadByTwoQuarters()
    {
        // Q4 2023 is filed late (2024-06-20), after Q1 2024 (2024-05-10): texts up to the late filing belong to Q4 2023,
        // Q1 2024's window is then empty, and the texts after the late filing go to the next quarter (here the newest).
        Fundamentals[] statements =
        [
            Statement("2023-09-30", "2023-11-10"),
            Statement("2023-12-31", "2024-06-20"),
            Statement("2024-03-31", "2024-05-10"),
            Statement("2024-06-30", "2024-08-10"),
        ];
        ChapterText[] texts = [Text("2024-04-01", 1, 1), Text("2024-05-15", 1, 2), Text("2024-07-01", 1, 4)];
        var quarters = DisclosedQuarters.AsOf(new DateOnly(2024, 9, 1), statements, texts, _ => [], 2, 8);
        Assert.Equal(1.5f, quarters[1].Chapters[1]![0]); // (1 + 2) / 2
        Assert.Null(quarters[2].Chapters[1]);
        Assert.Equal(4f, quarters[3].Chapters[1]![0]);
        var reads = quarters.Sum(q => q.Chapters[1] is null ? 0 : 1);
        Assert.Equal(2, reads);
    }

    [Fact]
    public void MacroIsReadAtEachPeriodEnd()
    {
        var macro = new MacroTable(["gdp_growth"], new Dictionary<(int, int), double[]> { [(2023, 4)] = [0.02] });
        var quarters = DisclosedQuarters.AsOf(new DateOnly(2024, 6, 1), Statements, [], d => macro.At(d, ["gdp_growth", "unknown"]), 2, 8);
        Assert.Equal(0.02, quarters[1].Macro[0]);
        Assert.True(double.IsNaN(quarters[1].Macro[1]));
        Assert.True(double.IsNaN(quarters[0].Macro[0])); // 2023 Q3 is not in the table
    }
}
