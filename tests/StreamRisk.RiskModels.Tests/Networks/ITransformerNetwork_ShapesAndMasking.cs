using StreamRisk.RiskModels.Networks;

namespace StreamRisk.RiskModels.Tests.Networks;

public class ITransformerNetwork_ShapesAndMasking
{
    private static readonly ITransformerShape Shape = new(Window: 7, Variates: 5, DModel: 16, Heads: 4, Layers: 2, FeedForward: 24, Outputs: 6);

    private static float[] Window(int seed) => Enumerable.Range(0, 35).Select(i => (float)Math.Sin(i * 0.7 + seed)).ToArray();

    [Fact]
    public void AMaskedVariate_DoesNotChangeTheForecast_AndGetsNoAttention()
    {
        var network = new ITransformerNetwork(Shape, TestNetworks.RandomWeights(Shape, 3));
        bool[] visible = [true, true, false, true, false];
        var a = Window(1);
        var b = (float[])a.Clone();
        for (var t = 0; t < 7; t++)
        {
            b[t * 5 + 2] = 100;
            b[t * 5 + 4] = -50;
        }
        var ya = new float[6];
        var yb = new float[6];
        var attention = new float[5];
        network.Forward(a, visible, ya);
        network.Forward(b, visible, yb, attention);
        Assert.Equal(ya, yb);
        Assert.Equal(0f, attention[2]);
        Assert.Equal(0f, attention[4]);
        Assert.Equal(1f, attention.Sum(), 5);

        // Unmasked, the same change moves the forecast.
        network.Forward(b, [], yb);
        network.Forward(a, [], ya);
        Assert.NotEqual(ya, yb);
    }

    [Fact]
    public void WrongSizes_AreRefused()
    {
        var weights = TestNetworks.RandomWeights(Shape, 3);
        var network = new ITransformerNetwork(Shape, weights);
        Assert.Throws<ArgumentException>(() => network.Forward(new float[34], [], new float[6]));
        Assert.Throws<ArgumentException>(() => network.Forward(new float[35], [], new float[5]));
        Assert.Throws<ArgumentException>(() => new ITransformerNetwork(Shape with { DModel = 8 }, weights));
        Assert.Throws<ArgumentException>(() => new ITransformerShape(7, 5, 10, 4, 1, 8, 1).Validate());
    }
}
