using System.Text.Json.Nodes;
using StreamRisk.Core.Serialization;
using Xunit.Abstractions;
using StreamRisk.RiskModels.Artifacts;
using StreamRisk.RiskModels.Default;
using StreamRisk.RiskModels.Tests;
using StreamRisk.RiskModels.Training.Training;

namespace StreamRisk.RiskModels.Training.Tests.Training;

public class DefaultTrainer_TrainsResumesAndExports(ITestOutputHelper output)
{
    private static readonly EmdlotTrainingOptions Small = new()
    {
        Steps = 6, ModalityDimension = 8, Hidden = 12, Clusters = 2, Epochs = 8, Patience = 8, PretrainEpochs = 2, WarmupEpochs = 1,
        BatchSize = 32, LearningRate = 1e-2,
    };

    private static DefaultTrainingData Data(string hash = "hash-1") =>
        new(TestDefaults.FeatureNames, TestDefaults.ChapterNames, hash, "unit", "default-emdlot@test", "test");

    [Fact]
    public void OnASeparableSet_ItBeatsTheClassPrior_OnHeldOutExamples_AndServesLikeTorch()
    {
        var train = TestDefaults.Examples(400, seed: 1);
        var validation = TestDefaults.Examples(100, seed: 2);
        var test = TestDefaults.Examples(200, seed: 3);
        var dir = Temp();
        var trained = DefaultTrainer.Train(train, validation, Data(), Small, 5, dir);

        var served = DefaultClassModel.Load(dir);
        var p = served.ScoreBatch(test);
        var torch = DefaultTrainer.PredictWithTorch(trained.Artifact, test);
        for (var i = 0; i < p.Length; i++) Assert.Equal(torch[i], p[i], 1e-4f);

        // The prior: training class shares for every example. Held-out log loss and macro-F1 must beat it.
        var prior = Enumerable.Range(0, 3).Select(c => (train.Count(e => (int)e.Label == c) + 1.0) / (train.Count + 3)).ToArray();
        double modelLoss = 0, priorLoss = 0;
        for (var i = 0; i < test.Count; i++)
        {
            var y = (int)test[i].Label;
            modelLoss -= Math.Log(p[i * 3 + y] + 1e-9);
            priorLoss -= Math.Log(prior[y]);
        }
        Assert.True(modelLoss < 0.8 * priorLoss, $"model log loss {modelLoss / test.Count:F3} vs prior {priorLoss / test.Count:F3}");
        var f1 = DefaultTrainer.MacroF1(p, test);
        output.WriteLine($"held-out log loss {modelLoss / test.Count:F3} (prior {priorLoss / test.Count:F3}), macro-F1 {f1:F3}, best epoch {trained.BestEpoch}");
        Assert.True(f1 > 0.6, $"held-out macro-F1 {f1:F3} (the prior predicts one class: ≤ 0.25)");

        var m = served.Manifest;
        Assert.Equal(DefaultClassModel.Kind, m.ModelKind);
        Assert.Equal("hash-1", m.TrainingData.Sha256);
        Assert.Equal(5, m.Seed);
        Assert.Equal(TestDefaults.FeatureNames, m.Features);
        Assert.Equal(TestDefaults.ChapterNames, served.Chapters);
        Assert.Equal(6, served.Steps);
        Assert.Equal(2, served.Network.Shape.Clusters);
        Assert.Contains("validation_macro_f1", m.Metrics.Keys);
        Assert.True(trained.BestEpoch > Small.PretrainEpochs + Small.WarmupEpochs);
    }

    [Theory]
    [InlineData(false, true, true, 2)]
    [InlineData(true, false, true, 2)]
    [InlineData(true, true, false, 2)]
    [InlineData(true, true, true, 1)]
    public void EachAblation_TrainsExportsAndServesLikeTorch(bool useText, bool useAttention, bool timeAware, int clusters)
    {
        var dir = Temp();
        var options = Small with { UseText = useText, UseAttention = useAttention, TimeAware = timeAware, Clusters = clusters, Epochs = 4 };
        var trained = DefaultTrainer.Train(TestDefaults.Examples(64, seed: 17), TestDefaults.Examples(20, seed: 18), Data(), options, 4, dir);
        var served = DefaultClassModel.Load(dir);
        Assert.Equal((useText, useAttention, timeAware, clusters),
            (served.Network.Shape.UseText, served.Network.Shape.UseAttention, served.Network.Shape.TimeAware, served.Network.Shape.Clusters));
        var test = TestDefaults.Examples(30, seed: 19);
        var p = served.ScoreBatch(test);
        var torch = DefaultTrainer.PredictWithTorch(trained.Artifact, test);
        for (var i = 0; i < p.Length; i++) Assert.Equal(torch[i], p[i], 1e-4f);
        var explanation = served.Score(test[0]).Explanation;
        Assert.Equal(clusters, explanation.Clusters.Count);
        if (!useText) Assert.Equal(1, explanation.NumbersWeight, 6);
    }

    [Fact]
    public void ScoresAfterReload_EqualScoresBefore_AndTheExplanationIsComplete()
    {
        var train = TestDefaults.Examples(120, seed: 6);
        var dir = Temp();
        var trained = DefaultTrainer.Train(train, TestDefaults.Examples(40, seed: 7), Data(), Small with { Epochs = 4 }, 2, dir);
        var before = DefaultClassModel.FromArtifact(trained.Artifact);
        var after = DefaultClassModel.Load(dir);
        foreach (var e in TestDefaults.Examples(10, seed: 8))
        {
            var a = before.Score(e);
            var b = after.Score(e);
            Assert.Equal((a.PPerforming, a.PExtended, a.PDefaulted), (b.PPerforming, b.PExtended, b.PDefaulted));
            Assert.Equal(1, a.PPerforming + a.PExtended + a.PDefaulted, 5);
            Assert.Equal(5, a.Explanation.TopFeatures.Count);
            Assert.Equal(2, a.Explanation.Clusters.Count);
            Assert.Equal(1, a.Explanation.Clusters.Sum(), 5);
            Assert.Equal(1, a.Explanation.NumbersWeight + a.Explanation.TextWeight, 5);
            Assert.Equal(TestDefaults.ChapterNames, a.Explanation.Chapters.Select(c => c.Chapter));
            Assert.All(a.Explanation.TopFeatures, f => Assert.Contains(f.PeriodEnd, e.Quarters.Select(q => q.PeriodEnd)));
            Assert.Equal(Math.Min(e.Quarters.Count, 6), a.Explanation.Quarters);
            Assert.Equal(e.Quarters[^1].PeriodEnd, a.Explanation.StatementDay);
            Assert.Equal("default-emdlot@test", a.Explanation.Model);
            Assert.Equal(["m0", "m1"], after.MacroNames);
            // The registry behind --risk-model loads it too.
            var viaRegistry = DefaultClassModels.Load(dir).Score(e);
            Assert.Equal(a.PDefaulted, viaRegistry.PDefaulted);
        }
    }

    [Fact]
    public void AnInterruptedRun_ResumesFromItsCheckpoint_AndEndsWhereAnUninterruptedRunEnds()
    {
        var train = TestDefaults.Examples(96, seed: 9);
        var validation = TestDefaults.Examples(30, seed: 10);
        // One thread: with two, how a sum is split among threads may change (MKL's dynamic threading may choose fewer
        // threads than asked), and with it the rounding; bitwise equality is promised for one thread only.
        var options = Small with { Epochs = 5, Threads = 1 };
        var straight = Temp();
        var full = DefaultTrainer.Train(train, validation, Data(), options, 3, straight);

        var cut = Temp();
        var cancel = new CancellationTokenSource();
        var batches = 96 / 32;
        // Stop inside epoch 4, after the K-means warm-up epoch has been checkpointed.
        var progress = new SyncProgress(p => { if (p.Done == 3 * batches + 1) cancel.Cancel(); });
        Assert.ThrowsAny<OperationCanceledException>(() => DefaultTrainer.Train(train, validation, Data(), options, 3, cut, progress, cancellationToken: cancel.Token));
        var resumed = DefaultTrainer.Train(train, validation, Data(), options, 3, cut);

        Assert.True(resumed.Resumed);
        Assert.False(full.Resumed);
        Assert.Equal(full.EpochsRun, resumed.EpochsRun);
        // Bitwise: the trainer feeds torch from its own aligned memory, so a run is exactly reproducible (a tensor wrapping
        // a managed array rounded differently from run to run, by up to 6e-3 after 5 epochs here).
        Assert.Equal(0, MaxDifference(LastEpoch(straight), LastEpoch(cut)));
        Assert.Equal(full.BestEpoch, resumed.BestEpoch);
        Assert.All(full.Artifact.Tensors, kv => Assert.Equal(kv.Value.Data, resumed.Artifact.Tensors[kv.Key].Data));
    }

    [Fact]
    public void TheSameSeed_GivesTheSameWeights_AndAnotherSeedOtherWeights()
    {
        var train = TestDefaults.Examples(64, seed: 11);
        var validation = TestDefaults.Examples(20, seed: 12);
        var options = Small with { Epochs = 4, Threads = 1 };
        var (a, b, c) = (Temp(), Temp(), Temp());
        DefaultTrainer.Train(train, validation, Data(), options, 7, a);
        DefaultTrainer.Train(train, validation, Data(), options, 7, b);
        DefaultTrainer.Train(train, validation, Data(), options, 8, c);
        // Same seed: bitwise equal; another seed: other initial weights, far apart.
        Assert.Equal(0, MaxDifference(LastEpoch(a), LastEpoch(b)));
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "weights.safetensors")), File.ReadAllBytes(Path.Combine(b, "weights.safetensors")));
        var other = MaxDifference(LastEpoch(a), LastEpoch(c));
        Assert.True(other > 0.1, $"other seed differs by only {other}");
    }

    [Fact]
    public void AnOversampler_SeesTheTrainingRowsOnly_AndItsSyntheticRowsAreTrainedOn()
    {
        var train = TestDefaults.Examples(60, seed: 13);
        var validation = TestDefaults.Examples(20, seed: 14);
        var seen = 0;
        // A stand-in for SMOTE: one midpoint between consecutive minority rows of the same class.
        (IReadOnlyList<double[]>, int[]) Midpoints(IReadOnlyList<double[]> rows, int[] labels, int seed)
        {
            seen = rows.Count;
            var outRows = rows.ToList();
            var outLabels = labels.ToList();
            for (var c = 1; c < 3; c++)
            {
                var members = Enumerable.Range(0, rows.Count).Where(i => labels[i] == c).ToArray();
                for (var j = 0; j + 1 < members.Length; j++)
                {
                    outRows.Add(rows[members[j]].Zip(rows[members[j + 1]], (x, y) => (x + y) / 2).ToArray());
                    outLabels.Add(c);
                }
            }
            return (outRows, outLabels.ToArray());
        }
        var dir = Temp();
        var trained = DefaultTrainer.Train(train, validation, Data(), Small with { Epochs = 4 }, 1, dir, oversample: Midpoints);
        Assert.Equal(train.Count, seen);
        Assert.True(trained.TrainingRows > train.Count);
        var m = ModelArtifact.Load(dir).Manifest;
        Assert.Equal(1, m.Hyperparameters["oversampled"]);
        Assert.Equal(new double[] { 1, 1, 1 }, m.Extras["class_weights"]);
        Assert.Equal(trained.TrainingRows, m.Metrics["training_rows"]);
    }

    [Fact]
    public void AMismatchedArtifact_IsRefused_NamingTheField()
    {
        var dir = Temp();
        DefaultTrainer.Train(TestDefaults.Examples(40, seed: 15), TestDefaults.Examples(10, seed: 16), Data(), Small with { Epochs = 4 }, 1, dir);
        var manifestPath = Path.Combine(dir, ModelManifest.FileName);
        var original = File.ReadAllText(manifestPath);

        var json = JsonNode.Parse(original)!;
        json["model_kind"] = "spread-itransformer";
        File.WriteAllText(manifestPath, json.ToJsonString());
        Assert.Contains("'model_kind'", Assert.Throws<ModelArtifactException>(() => DefaultClassModel.Load(dir)).Message);

        json = JsonNode.Parse(original)!;
        json["hyperparameters"]!["hidden"] = 13;
        File.WriteAllText(manifestPath, json.ToJsonString());
        Assert.Contains("tensor 'cell.input.weight'", Assert.Throws<ModelArtifactException>(() => DefaultClassModel.Load(dir)).Message);

        json = JsonNode.Parse(original)!;
        json["hyperparameters"]!.AsObject().Remove("time_aware");
        File.WriteAllText(manifestPath, json.ToJsonString());
        Assert.Contains("hyperparameters.time_aware", Assert.Throws<ModelArtifactException>(() => DefaultClassModel.Load(dir)).Message);

        File.WriteAllText(manifestPath, original);
        var model = DefaultClassModel.Load(dir);
        var wide = TestDefaults.Examples(1, seed: 1)[0];
        var bad = wide with { Quarters = [wide.Quarters[0] with { Macro = [1, 2, 3] }] };
        Assert.Contains("6 indicators", Assert.Throws<ArgumentException>(() => model.Score(bad)).Message);
    }

    private static Dictionary<string, SafetensorsTensor> LastEpoch(string artifactDirectory)
    {
        var path = Path.Combine(artifactDirectory, "checkpoint", "checkpoint.safetensors");
        return Safetensors.Parse(File.ReadAllBytes(path), path);
    }

    private static double MaxDifference(Dictionary<string, SafetensorsTensor> x, Dictionary<string, SafetensorsTensor> y)
    {
        Assert.Equal(x.Keys.Order(), y.Keys.Order());
        return x.Max(kv => kv.Value.Data.Zip(y[kv.Key].Data, (p, q) => Math.Abs(p - q)).Max());
    }

    private static string Temp()
    {
        var path = Path.Combine(Path.GetTempPath(), "streamrisk-emdlot-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private sealed class SyncProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
