namespace StreamRisk.Core.Simulation;

/// <summary>One quarter of real US macro data the simulator can anchor its macro factor on.</summary>
/// <param name="RealGdp">Real GDP level (any unit; only growth is used).</param>
/// <param name="UnemploymentRate">Unemployment rate in percent.</param>
public sealed record MacroQuarter(int Year, int Quarter, double RealGdp, double UnemploymentRate);
