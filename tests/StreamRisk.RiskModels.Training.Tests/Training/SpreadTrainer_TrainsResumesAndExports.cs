using StreamRisk.RiskModels.Artifacts;
using StreamRisk.RiskModels.Baselines;
using StreamRisk.RiskModels.Data;
using StreamRisk.RiskModels.Evaluation;
using StreamRisk.RiskModels.Forecasting;
using StreamRisk.RiskModels.Training.Training;
using StreamRisk.RiskModels.Tests;

namespace StreamRisk.RiskModels.Training.Tests.Training;

public class SpreadTrainer_TrainsResumesAndExports
{
    // One thread: runs compared with each other must split their sums the same way (see DefaultTrainer's tests).
    private static readonly SpreadTrainingOptions Small = new() { DModel = 16, Heads = 2, Layers = 1, FeedForward = 32, Epochs = 3, Patience = 3, BatchSize = 64, Threads = 1 };

    [Fact]
    public void ATrainedModel_BeatsTheRandomWalk_AndItsArtifactForecastsLikeTorch()
    {
        var dataset = new SpreadDataset(TestMarkets.Series(8, 300, seed: 5), 7, SpreadFeatures.DefaultHorizons);
        var dir = Temp();
        var trained = SpreadTrainer.Train(dataset, new HashSet<string>(), 1, Small, dir, "spread-itransformer@test", "test", "unit");

        var served = SpreadForecastModel.Load(dir);
        var viaCSharp = ForecastEvaluation.Run(served, dataset, dataset.Test);
        var viaTorch = ForecastEvaluation.FromForecasts("torch", dataset, dataset.Test, SpreadTrainer.ForecastBps(trained.Artifact, dataset, dataset.Test));
        for (var k = 0; k < dataset.Horizons.Count; k++)
        {
            for (var i = 0; i < dataset.Test.Count; i++) Assert.Equal(viaTorch.ForecastBps[k][i], viaCSharp.ForecastBps[k][i], 1e-2);
        }
        var rw = ForecastEvaluation.Run(new RandomWalkForecaster(), dataset, dataset.Test);
        Assert.True(viaCSharp.Metrics[0].Mae < rw.Metrics[0].Mae, $"iTransformer {viaCSharp.Metrics[0].Mae} vs RW {rw.Metrics[0].Mae}");
        Assert.Equal(dataset.Sha256(), served.Manifest.TrainingData.Sha256);
        Assert.Equal(1, served.Manifest.Seed);
        Assert.Contains("validation_mae_bps_h1", served.Manifest.Metrics.Keys);
    }

    [Fact]
    public void AnInterruptedRun_ResumesFromItsCheckpoint_AndEndsWhereAnUninterruptedRunEnds()
    {
        var dataset = new SpreadDataset(TestMarkets.Series(4, 200, seed: 8), 7, SpreadFeatures.DefaultHorizons);
        var straight = Temp();
        var full = SpreadTrainer.Train(dataset, new HashSet<string>(), 3, Small with { Epochs = 2 }, straight, "v", "test", "unit");

        var cut = Temp();
        var cancel = new CancellationTokenSource();
        var batches = (int)Math.Ceiling(dataset.Train.Count / 64.0);
        var progress = new SyncProgress(p => { if (p.Done == batches + 1) cancel.Cancel(); });
        Assert.ThrowsAny<OperationCanceledException>(() =>
            SpreadTrainer.Train(dataset, new HashSet<string>(), 3, Small with { Epochs = 2 }, cut, "v", "test", "unit", progress, cancel.Token));
        var resumed = SpreadTrainer.Train(dataset, new HashSet<string>(), 3, Small with { Epochs = 2 }, cut, "v", "test", "unit");

        Assert.True(resumed.Resumed);
        Assert.Equal(full.EpochsRun, resumed.EpochsRun);
        foreach (var (name, tensor) in full.Artifact.Tensors)
        {
            var other = resumed.Artifact.Tensors[name].Data;
            for (var i = 0; i < tensor.Data.Length; i++) Assert.Equal(tensor.Data[i], other[i], 1e-2f);
        }
    }

    [Fact]
    public void WithoutSentiment_TheSentimentVariatesAreHiddenInTheArtifact()
    {
        var dataset = new SpreadDataset(TestMarkets.Series(3, 150, seed: 2), 7, SpreadFeatures.DefaultHorizons);
        var dir = Temp();
        SpreadTrainer.Train(dataset, SpreadFeatures.Sentiment, 1, Small with { Epochs = 1 }, dir, "v", "test", "unit");
        var visible = ModelArtifact.Load(dir).Manifest.Extras["visible"];
        for (var i = 0; i < SpreadFeatures.All.Count; i++)
        {
            Assert.Equal(SpreadFeatures.Sentiment.Contains(SpreadFeatures.All[i]) ? 0.0 : 1.0, visible[i]);
        }
    }

    private static string Temp()
    {
        var path = Path.Combine(Path.GetTempPath(), "streamrisk-training-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private sealed class SyncProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
