namespace StreamRisk.Infrastructure.RealData;

public enum RealDataColumnType { Number, Text, Date }

/// <summary>One expected column of a real-data CSV.</summary>
/// <param name="Optional">Empty cells (missing values) allowed.</param>
public sealed record RealDataColumn(string Name, RealDataColumnType Type, bool Optional = false);
