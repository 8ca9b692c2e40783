using StreamRisk.RiskModels.Default;
using StreamRisk.RiskModels.Networks;
using StreamRisk.RiskModels.Tests;
using StreamRisk.RiskModels.Training.Networks;
using StreamRisk.RiskModels.Training.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace StreamRisk.RiskModels.Training.Tests.Networks;

public class EmdlotModule_EqualsCSharpForward
{
    public static TheoryData<bool, bool, bool, int> Variants() => new()
    {
        { true, true, true, 3 },   // full EMDLOT
        { false, true, true, 3 },  // no text
        { true, false, true, 3 },  // no attention
        { true, true, false, 3 },  // plain LSTM cell
        { true, true, true, 1 },   // no clustering
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void TheServedForwardPass_EqualsTorchSharps_WithPaddingAndMissingChapters(bool useText, bool useAttention, bool timeAware, int clusters)
    {
        var shape = new EmdlotShape(TestDefaults.Financial + TestDefaults.Macro, TestDefaults.Chapters, TestDefaults.Dimension, 8, 6, clusters,
            useText, useAttention, timeAware, FeatureTemperature: 0.7, ChapterTemperature: 1.3, ModalityTemperature: 0.9);
        torch.manual_seed(11);
        using var module = new EmdlotModule(shape);
        using (no_grad())
        {
            // Spread the centroids and sharpen the heads so that cluster membership matters in the comparison.
            foreach (var (name, parameter) in module.named_parameters())
            {
                if (name == "centroids" || name == "heads_weight") parameter.mul_(5);
            }
        }
        module.eval();
        var weights = TorchWeights.Export(module);
        Assert.Equal(shape.Tensors().Select(t => t.Name).Order(), weights.Keys.Order());
        foreach (var (name, dims) in shape.Tensors()) Assert.Equal(dims, weights[name].Shape);
        var network = new EmdlotNetwork(shape, weights);

        var examples = TestDefaults.Examples(40, seed: 4, maxQuarters: 9);
        var n = DefaultTensors.Fit(examples);
        var batch = DefaultTensors.Build(examples, n, steps: 6);
        Assert.Contains(0f, batch.StepMask);
        Assert.Contains(0f, batch.ChapterMask);
        float[] expected, expectedAssignment, expectedFeatures, expectedModality;
        using (no_grad())
        {
            using var scope = NewDisposeScope();
            var (values, elapsed, stepMask, text, chapterMask) = DefaultTrainer.Inputs(batch, batch.Size, useText);
            var outputs = module.Run(values, elapsed, stepMask, text, chapterMask);
            expected = outputs.Probabilities.data<float>().ToArray();
            expectedAssignment = outputs.Assignment.data<float>().ToArray();
            expectedFeatures = outputs.FeatureWeights.data<float>().ToArray();
            expectedModality = outputs.ModalityWeights.data<float>().ToArray();
        }
        var p = new float[3];
        var (t, f) = (batch.Steps, batch.Features);
        for (var i = 0; i < batch.Size; i++)
        {
            var trace = network.NewTrace(t);
            network.Forward(batch, i, p, trace);
            for (var k = 0; k < 3; k++) Assert.Equal(expected[i * 3 + k], p[k], 1e-4f);
            for (var k = 0; k < clusters; k++) Assert.Equal(expectedAssignment[i * clusters + k], trace.Assignment[k], 1e-4f);
            for (var s = 0; s < t; s++)
            {
                if (batch.StepMask[i * t + s] == 0) continue;
                for (var k = 0; k < f; k++) Assert.Equal(expectedFeatures[(i * t + s) * f + k], trace.FeatureWeights[s * f + k], 1e-4f);
                for (var k = 0; k < 2; k++) Assert.Equal(expectedModality[(i * t + s) * 2 + k], trace.ModalityWeights[s * 2 + k], 1e-4f);
            }
        }
    }

    [Fact]
    public void InTorch_PaddedQuartersAndMissingChapters_DoNotChangeTheOutput_AndGetZeroWeight()
    {
        var shape = new EmdlotShape(TestDefaults.Financial + TestDefaults.Macro, TestDefaults.Chapters, TestDefaults.Dimension, 8, 6, 3);
        torch.manual_seed(3);
        using var module = new EmdlotModule(shape);
        module.eval();
        var examples = TestDefaults.Examples(30, seed: 5, maxQuarters: 4);
        var n = DefaultTensors.Fit(examples);
        var clean = DefaultTensors.Build(examples, n, steps: 6);
        var noisy = DefaultTensors.Build(examples, n, steps: 6);
        var random = new Random(9);
        for (var at = 0; at < clean.Size * clean.Steps; at++)
        {
            if (clean.StepMask[at] == 0)
            {
                for (var k = 0; k < clean.Features; k++) noisy.Values[at * clean.Features + k] = (float)(random.NextDouble() * 20 - 10);
                noisy.Elapsed[at] = 40;
            }
            for (var c = 0; c < clean.Chapters; c++)
            {
                if (clean.ChapterMask[at * clean.Chapters + c] != 0) continue;
                for (var k = 0; k < clean.EmbeddingDimension; k++) noisy.Text[(at * clean.Chapters + c) * clean.EmbeddingDimension + k] = (float)random.NextDouble() * 5;
            }
        }
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var a = Run(clean);
        var b = Run(noisy);
        Assert.True(a.Probabilities.allclose(b.Probabilities, rtol: 0, atol: 1e-6));
        var chapterWeights = a.ChapterWeights!.data<float>().ToArray();
        var modality = a.ModalityWeights.data<float>().ToArray();
        for (var at = 0; at < clean.Size * clean.Steps; at++)
        {
            var present = 0;
            for (var c = 0; c < clean.Chapters; c++)
            {
                if (clean.ChapterMask[at * clean.Chapters + c] != 0) present++;
                else Assert.Equal(0f, chapterWeights[at * clean.Chapters + c]);
            }
            if (present == 0) Assert.Equal(0f, modality[at * 2 + 1]);
        }

        EmdlotOutputs Run(DefaultBatch batch)
        {
            var (values, elapsed, stepMask, text, chapterMask) = DefaultTrainer.Inputs(batch, batch.Size, true);
            return module.Run(values, elapsed, stepMask, text, chapterMask);
        }
    }
}
