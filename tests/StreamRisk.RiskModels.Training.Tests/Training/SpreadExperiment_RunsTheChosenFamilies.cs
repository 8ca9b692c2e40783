using StreamRisk.RiskModels.Data;
using StreamRisk.RiskModels.Tests;
using StreamRisk.RiskModels.Training.Reports;
using StreamRisk.RiskModels.Training.Training;
using StreamRisk.Tests.Shared;

namespace StreamRisk.RiskModels.Training.Tests.Training;

public class SpreadExperiment_RunsTheChosenFamilies
{
    private static SpreadExperimentOptions Options(IReadOnlySet<string> models) => new()
    {
        SpreadsFile = "unused", FundamentalsFile = "unused", DailyIndexFile = "unused", Source = "unit test market", CodeVersion = "test", Seeds = 1,
        OutDirectory = TestScratch.NewDirectory(), Models = models,
    };

    [Fact]
    public void OnlyLightGbm_RunsTheBaselinesAndLightGbm_AndTheReportSaysTheAttnMlpWasNotRun()
    {
        var dataset = new SpreadDataset(TestMarkets.Series(4, 200, seed: 6), 7, SpreadFeatures.DefaultHorizons);
        var result = SpreadExperiment.Run(Options(SpreadModelFamilies.Parse("LightGBM")), dataset, null, CancellationToken.None);

        Assert.Equal(
            [SpreadExperiment.RandomWalk, SpreadExperiment.Ar, SpreadExperiment.ArxWithout, SpreadExperiment.ArxWith, SpreadExperiment.ArxFixed,
             SpreadExperiment.ArxLearned, SpreadExperiment.LightGbmWithout, SpreadExperiment.LightGbmWith],
            result.Models.Select(m => m.Name));
        Assert.Empty(result.Attention);
        var report = File.ReadAllText(SpreadReport.Write(result, "test", DateTimeOffset.UnixEpoch));
        Assert.Contains("- AttnMLP: not run", report);
        Assert.DoesNotContain("iTransformer with sentiment |", report);
    }

    [Fact]
    public void AnUnknownFamily_IsAnErrorNamingTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => SpreadModelFamilies.Parse("lstm,xgboost"));
        Assert.Contains("--models", error.Message);
        Assert.Contains("xgboost", error.Message);
        Assert.Contains("attnmlp", error.Message);
    }
}
