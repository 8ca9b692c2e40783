using StreamRisk.RiskModels.Training.Networks;
using static TorchSharp.torch;

namespace StreamRisk.RiskModels.Training.Tests.Networks;

public class AttnMlpModule_Shapes
{
    // Columns: 0, 1 own inputs; 2 firm; 3 industry; 4 fixed composite.
    private static readonly AttnMlpColumns Columns = new([0, 1], Firm: 2, Industry: 3, FixedComposite: 4);

    [Fact]
    public void TheLearnedComposite_HasOneValuePerWindowDay_AndTheForecastOnePerHorizon()
    {
        manual_seed(1);
        using var module = new AttnMlpModule(window: 7, variates: 5, Columns, learned: true, width: 8, headHidden: 16, outputs: 6);
        module.eval();
        using var x = randn(3, 7, 5);
        using var composite = module.Aggregate(x);
        using var weights = module.IndustryWeights(x);
        using var y = module.forward(x);
        Assert.Equal(new long[] { 3, 7 }, composite.shape);
        Assert.Equal(new long[] { 3, 7 }, weights.shape);
        Assert.True(weights.ge(0).all().item<bool>() && weights.le(1).all().item<bool>());
        Assert.Equal(new long[] { 3, 6 }, y.shape);
    }

    [Fact]
    public void ADaysComposite_DependsOnlyOnThatDaysScores()
    {
        manual_seed(4);
        using var module = new AttnMlpModule(7, 5, Columns, learned: true, 8, 16, 2);
        module.eval();
        using var x = randn(2, 7, 5);
        using var before = module.Aggregate(x);
        using var changed = x.clone();
        changed[TensorIndex.Colon, 3, 2] = tensor(4f);
        using var after = module.Aggregate(changed);
        using var moved = before.sub(after).abs().gt(1e-6).any(0);
        Assert.Equal(new[] { false, false, false, true, false, false, false }, moved.data<bool>().ToArray());
    }

    [Fact]
    public void TheLearnedAggregation_ReadsFirmAndIndustry_NotTheFixedComposite()
    {
        manual_seed(2);
        using var module = new AttnMlpModule(7, 5, Columns, learned: true, 8, 16, 2);
        module.eval();
        using var x = randn(2, 7, 5);
        using var y = module.forward(x);
        using var changed = x.clone();
        changed.select(2, 4).fill_(5f);
        using var sameY = module.forward(changed);
        Assert.True(y.allclose(sameY), "the fixed composite column is not an input of the learned variant");
        changed.select(2, 3).fill_(5f);
        using var otherY = module.forward(changed);
        Assert.False(y.allclose(otherY), "the industry score is an input");
    }

    [Fact]
    public void TheFixedVariant_ReadsOnlyTheComposite_AndHasNoAggregationWeights()
    {
        manual_seed(2);
        using var module = new AttnMlpModule(7, 5, Columns, learned: false, 8, 16, 2);
        module.eval();
        Assert.DoesNotContain(module.named_parameters(), p => p.name.Contains("encoder", StringComparison.Ordinal));
        using var x = randn(2, 7, 5);
        using var y = module.forward(x);
        using var changed = x.clone();
        changed.select(2, 2).fill_(5f);
        changed.select(2, 3).fill_(-5f);
        using var sameY = module.forward(changed);
        Assert.True(y.allclose(sameY), "firm and industry reach the fixed variant only through the composite");
    }
}
