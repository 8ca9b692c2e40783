namespace StreamRisk.Infrastructure.Simulation;

/// <summary>What a simulation run wrote.</summary>
public sealed record SimulationSummary(
    int Issuers,
    long NewsTexts,
    long Disclosures,
    long Statements,
    long Spreads,
    long LatentRows,
    int Extended,
    int Defaulted);
