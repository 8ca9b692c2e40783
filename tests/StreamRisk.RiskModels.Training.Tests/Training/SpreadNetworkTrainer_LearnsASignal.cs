using StreamRisk.RiskModels.Baselines;
using StreamRisk.RiskModels.Data;
using StreamRisk.RiskModels.Evaluation;
using StreamRisk.RiskModels.Tests;
using StreamRisk.RiskModels.Training.Training;
using StreamRisk.Tests.Shared;

namespace StreamRisk.RiskModels.Training.Tests.Training;

public class SpreadNetworkTrainer_LearnsASignal
{
    private static readonly SpreadTrainingOptions Small = new() { DModel = 16, Epochs = 6, Patience = 6, BatchSize = 64, LearningRate = 3e-3, Threads = 1 };

    [Theory]
    [InlineData(SpreadNetworkKind.Lstm)]
    [InlineData(SpreadNetworkKind.AttnMlp)]
    [InlineData(SpreadNetworkKind.FixedComposite)]
    public void OnHeldOutExamples_TheNetwork_BeatsTheRandomWalk(SpreadNetworkKind kind)
    {
        var dataset = new SpreadDataset(TestMarkets.Series(8, 300, seed: 5), 7, SpreadFeatures.DefaultHorizons);
        var run = SpreadNetworkTrainer.TrainAndForecast(kind, dataset, new HashSet<string>(), 1, Small, Temp(), dataset.Test);

        var network = ForecastEvaluation.FromForecasts(kind.ToString(), dataset, dataset.Test, run.ForecastBps);
        var walk = ForecastEvaluation.Run(new RandomWalkForecaster(), dataset, dataset.Test);
        Assert.True(network.Metrics[0].Mae < 0.9 * walk.Metrics[0].Mae, $"{kind} MAE {network.Metrics[0].Mae} vs random walk {walk.Metrics[0].Mae}");
        Assert.InRange(run.BestEpoch, 1, Small.Epochs);
    }

    [Fact]
    public void TheAttnMlpComposite_LearnsAWeightingTheFixedCompositeMisses()
    {
        var dataset = new SpreadDataset(AggregationMarket.Series(8, 300, seed: 3), 7, SpreadFeatures.DefaultHorizons);
        var none = new HashSet<string>();
        var learned = SpreadNetworkTrainer.TrainAndForecast(SpreadNetworkKind.AttnMlp, dataset, none, 1, Small, Temp(), dataset.Test);
        var fixedWeights = SpreadNetworkTrainer.TrainAndForecast(SpreadNetworkKind.FixedComposite, dataset, none, 1, Small, Temp(), dataset.Test);

        var a = ForecastEvaluation.FromForecasts("attnmlp", dataset, dataset.Test, learned.ForecastBps).Metrics[0].Mae;
        var b = ForecastEvaluation.FromForecasts("fixed", dataset, dataset.Test, fixedWeights.ForecastBps).Metrics[0].Mae;
        Assert.True(a < 0.8 * b, $"AttnMLP MAE {a} vs fixed composite {b}");
    }

    [Fact]
    public void WithoutSentiment_TheLstmIgnoresTheIndex()
    {
        var dataset = new SpreadDataset(TestMarkets.Series(3, 150, seed: 2), 7, SpreadFeatures.DefaultHorizons);
        var without = SpreadNetworkTrainer.TrainAndForecast(SpreadNetworkKind.Lstm, dataset, SpreadFeatures.Sentiment, 1, Small with { Epochs = 1 }, Temp(), dataset.Test);
        var with = SpreadNetworkTrainer.TrainAndForecast(SpreadNetworkKind.Lstm, dataset, new HashSet<string>(), 1, Small with { Epochs = 1 }, Temp(), dataset.Test);
        Assert.NotEqual(without.ForecastBps[0], with.ForecastBps[0]);

        // The same seed and inputs again: the same forecasts (inputs are copied into torch's memory).
        var again = SpreadNetworkTrainer.TrainAndForecast(SpreadNetworkKind.Lstm, dataset, SpreadFeatures.Sentiment, 1, Small with { Epochs = 1 }, Temp(), dataset.Test);
        Assert.Equal(without.ForecastBps[0], again.ForecastBps[0]);
    }

    private static string Temp() => TestScratch.NewDirectory();
}
