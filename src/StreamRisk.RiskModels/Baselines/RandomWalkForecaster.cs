using StreamRisk.RiskModels.Data;

namespace StreamRisk.RiskModels.Baselines;

/// <summary>The spread stays where it is: the forecast every model must beat.</summary>
public sealed class RandomWalkForecaster : ISpreadForecaster
{
    public string Name => "random walk";

    public void Predict(SpreadDataset dataset, SpreadExample example, Span<double> logChanges) => logChanges.Clear();
}
