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
}
