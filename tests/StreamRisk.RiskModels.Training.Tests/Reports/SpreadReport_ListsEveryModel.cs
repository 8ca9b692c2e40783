using StreamRisk.RiskModels.Data;
using StreamRisk.RiskModels.Tests;
using StreamRisk.RiskModels.Training.Reports;
using StreamRisk.RiskModels.Training.Training;
using StreamRisk.Tests.Shared;

namespace StreamRisk.RiskModels.Training.Tests.Reports;

public class SpreadReport_ListsEveryModel
{
    [Fact]
    public void EveryForecaster_HasARowInEachMetricTable_AndTheAggregationSectionNamesTheBetterCombination()
    {
        var dataset = new SpreadDataset(TestMarkets.Series(5, 200, seed: 4), 7, SpreadFeatures.DefaultHorizons);
        var dir = TestScratch.NewDirectory();
        var options = new SpreadExperimentOptions
        {
            SpreadsFile = "unused", FundamentalsFile = "unused", DailyIndexFile = "unused", OutDirectory = dir, Source = "unit test market",
            CodeVersion = "test", Seeds = 1,
            Training = new SpreadTrainingOptions { DModel = 8, Heads = 2, Layers = 1, FeedForward = 16, Epochs = 1, BatchSize = 64, Threads = 1 },
        };
        var result = SpreadExperiment.Run(options, dataset, null, CancellationToken.None);
        var report = File.ReadAllText(SpreadReport.Write(result, "streamrisk eval spread (test)", DateTimeOffset.UnixEpoch));

        string[] added =
        [
            SpreadExperiment.LightGbmWithout, SpreadExperiment.LightGbmWith, SpreadExperiment.LstmWithout, SpreadExperiment.LstmWith,
            SpreadExperiment.HeadFixed, SpreadExperiment.HeadAttnMlp,
        ];
        foreach (var name in added.Append(SpreadExperiment.ITransformerWith))
        {
            // MAE, MAPE, RMSE and the MAE-relative-to-the-random-walk table.
            Assert.Equal(4, report.Split('\n').Count(line => line.StartsWith($"| {name} | ", StringComparison.Ordinal)));
        }
        foreach (var question in new[] { "Does sentiment help LightGBM?", "Does sentiment help the LSTM?", "Does LightGBM (with sentiment) beat the random walk?",
                     "Does the LSTM (with sentiment) beat the random walk?", SpreadExperiment.AggregationQuestion })
        {
            Assert.Contains($"| {question} |", report);
        }
        Assert.Contains("- AttnMLP: **", report);
        Assert.Contains("**Better combination: ", report);
        Assert.DoesNotContain("not built", report);
        Assert.True(File.Exists(Path.Combine(dir, "attention.svg")));
    }
}
