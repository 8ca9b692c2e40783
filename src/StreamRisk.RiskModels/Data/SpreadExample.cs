namespace StreamRisk.RiskModels.Data;

/// <summary>A forecast origin: issuer <see cref="Series"/> (index into the dataset's series) at row <see cref="Origin"/>.
/// Its window is rows Origin − window + 1 … Origin; its targets are the log spread changes to Origin + h.</summary>
public readonly record struct SpreadExample(int Series, int Origin);
