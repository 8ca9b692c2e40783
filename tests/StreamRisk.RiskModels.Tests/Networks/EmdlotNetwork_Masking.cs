using StreamRisk.RiskModels.Default;
using StreamRisk.RiskModels.Networks;

namespace StreamRisk.RiskModels.Tests.Networks;

public class EmdlotNetwork_Masking
{
    private static readonly EmdlotShape Shape = new(TestDefaults.Financial + TestDefaults.Macro, TestDefaults.Chapters, TestDefaults.Dimension, 8, 6, 3);

    [Fact]
    public void PaddedQuarters_AndMissingChapters_GetZeroWeight_AndDoNotChangeTheOutput()
    {
        var network = new EmdlotNetwork(Shape, TestDefaults.RandomWeights(Shape, 5));
        var examples = TestDefaults.Examples(20, seed: 3, maxQuarters: 4);
        var n = DefaultTensors.Fit(examples);
        var batch = DefaultTensors.Build(examples, n, steps: 6);
        var garbage = DefaultTensors.Build(examples, n, steps: 6);
        var random = new Random(2);
        // Write noise wherever a mask says "not there".
        for (var at = 0; at < batch.Size * batch.Steps; at++)
        {
            if (batch.StepMask[at] == 0)
            {
                for (var k = 0; k < batch.Features; k++) garbage.Values[at * batch.Features + k] = (float)(random.NextDouble() * 10);
                garbage.Elapsed[at] = 99;
            }
            for (var c = 0; c < batch.Chapters; c++)
            {
                if (batch.ChapterMask[at * batch.Chapters + c] != 0) continue;
                for (var k = 0; k < batch.EmbeddingDimension; k++) garbage.Text[(at * batch.Chapters + c) * batch.EmbeddingDimension + k] = (float)random.NextDouble();
            }
        }
        var sawPadding = false;
        var sawMissing = false;
        for (var i = 0; i < batch.Size; i++)
        {
            var (p, q) = (new float[3], new float[3]);
            var trace = network.NewTrace(batch.Steps);
            network.Forward(batch, i, p, trace);
            network.Forward(garbage, i, q);
            for (var k = 0; k < 3; k++) Assert.Equal(p[k], q[k]);
            for (var t = 0; t < batch.Steps; t++)
            {
                var at = i * batch.Steps + t;
                if (batch.StepMask[at] == 0)
                {
                    sawPadding = true;
                    Assert.All(trace.FeatureWeights.AsSpan(t * batch.Features, batch.Features).ToArray(), w => Assert.Equal(0f, w));
                }
                else
                {
                    Assert.Equal(1f, trace.FeatureWeights.AsSpan(t * batch.Features, batch.Features).ToArray().Sum(), 4);
                }
                var present = 0;
                for (var c = 0; c < batch.Chapters; c++)
                {
                    if (batch.ChapterMask[at * batch.Chapters + c] != 0) { present++; continue; }
                    sawMissing = true;
                    Assert.Equal(0f, trace.ChapterWeights[t * batch.Chapters + c]);
                }
                if (batch.StepMask[at] != 0 && present == 0) Assert.Equal(0f, trace.ModalityWeights[t * 2 + 1]);
            }
        }
        Assert.True(sawPadding && sawMissing);
    }

    [Fact]
    public void WithoutText_TheTextDoesNotReachTheOutput_AndWithTextItDoes()
    {
        var examples = TestDefaults.Examples(5, seed: 8);
        var n = DefaultTensors.Fit(examples);
        var batch = DefaultTensors.Build(examples, n, steps: 4);
        var shifted = DefaultTensors.Build(examples, n, steps: 4);
        for (var i = 0; i < shifted.Text.Length; i++) shifted.Text[i] += 1;
        foreach (var useText in new[] { false, true })
        {
            var shape = Shape with { UseText = useText };
            var network = new EmdlotNetwork(shape, TestDefaults.RandomWeights(shape, 1));
            var (p, q) = (new float[3], new float[3]);
            var differs = false;
            for (var i = 0; i < batch.Size; i++)
            {
                network.Forward(batch, i, p);
                network.Forward(shifted, i, q);
                differs |= Math.Abs(p[0] - q[0]) > 1e-6;
            }
            Assert.Equal(useText, differs);
        }
    }
}
