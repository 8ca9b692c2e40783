using StreamRisk.RiskModels.Data;

namespace StreamRisk.RiskModels.Baselines;

/// <summary>A spread forecaster evaluated offline: the predicted ln(S[t+h] / S[t]) for each of the dataset's horizons.</summary>
public interface ISpreadForecaster
{
    string Name { get; }

    void Predict(SpreadDataset dataset, SpreadExample example, Span<double> logChanges);
}
