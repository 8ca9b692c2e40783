using StreamRisk.RiskModels.Networks;
using StreamRisk.RiskModels.Training.Networks;
using StreamRisk.RiskModels.Training.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace StreamRisk.RiskModels.Training.Tests.Networks;

public class ITransformerModule_EqualsCSharpForward
{
    [Theory]
    [InlineData(new[] { true, true, true, true, true, true })]
    [InlineData(new[] { true, false, true, false, false, true })]
    public void TheServedForwardPass_EqualsTorchSharps(bool[] visible)
    {
        var shape = new ITransformerShape(Window: 7, Variates: 6, DModel: 16, Heads: 4, Layers: 2, FeedForward: 24, Outputs: 6);
        torch.manual_seed(11);
        using var module = new ITransformerModule(shape, visible);
        module.eval();
        var weights = TorchWeights.Export(module);
        // Parameter names and shapes are exactly what the C# network (and the artifact) expect.
        Assert.Equal(shape.Tensors().Select(t => t.Name).Order(), weights.Keys.Order());
        foreach (var (name, dims) in shape.Tensors()) Assert.Equal(dims, weights[name].Shape);
        var network = new ITransformerNetwork(shape, weights);

        var random = new Random(3);
        var input = Enumerable.Range(0, 5 * 42).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        float[] expected;
        using (no_grad())
        {
            using var x = tensor(input).view(5, 7, 6);
            using var y = module.forward(x);
            Assert.Equal(new long[] { 5, 6 }, y.shape);
            expected = y.data<float>().ToArray();
        }
        var actual = new float[6];
        for (var b = 0; b < 5; b++)
        {
            network.Forward(input.AsSpan(b * 42, 42), visible, actual);
            for (var k = 0; k < 6; k++) Assert.Equal(expected[b * 6 + k], actual[k], 1e-4f);
        }
    }

    [Fact]
    public void AHiddenVariate_DoesNotReachTheTorchOutput()
    {
        var shape = new ITransformerShape(5, 4, 8, 2, 1, 16, 3);
        torch.manual_seed(2);
        using var module = new ITransformerModule(shape, [true, true, false, true]);
        module.eval();
        using var _ = no_grad();
        using var a = torch.randn(2, 5, 4);
        using var b = a.clone();
        b[TensorIndex.Colon, TensorIndex.Colon, 2] = torch.tensor(50f);
        using var ya = module.forward(a);
        using var yb = module.forward(b);
        Assert.True(ya.allclose(yb));
    }
}
