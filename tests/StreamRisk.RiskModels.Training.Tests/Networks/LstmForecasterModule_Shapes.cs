using StreamRisk.RiskModels.Training.Networks;
using static TorchSharp.torch;

namespace StreamRisk.RiskModels.Training.Tests.Networks;

public class LstmForecasterModule_Shapes
{
    [Fact]
    public void AWindowBatch_GivesOneForecastPerHorizon_AndLeftOutColumnsDoNotReachIt()
    {
        manual_seed(3);
        using var module = new LstmForecasterModule(variates: 5, columns: [0, 1, 4], hidden: 8, outputs: 6);
        module.eval();
        using var x = randn(4, 7, 5);
        using var y = module.forward(x);
        Assert.Equal(new long[] { 4, 6 }, y.shape);

        using var changed = x.clone();
        changed.select(2, 2).fill_(9f);
        changed.select(2, 3).fill_(-9f);
        using var same = module.forward(changed);
        Assert.True(y.allclose(same), "columns 2 and 3 are left out");

        changed.select(2, 4).fill_(3f);
        using var other = module.forward(changed);
        Assert.False(y.allclose(other), "column 4 is an input");
    }

    [Fact]
    public void AColumnOutsideTheInput_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new LstmForecasterModule(variates: 3, columns: [0, 3], hidden: 4, outputs: 1));
}
