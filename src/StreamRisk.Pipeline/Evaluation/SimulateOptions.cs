namespace StreamRisk.Pipeline.Evaluation;

/// <summary>Where the simulated economy's macro path comes from.</summary>
public enum MacroSource
{
    /// <summary>Drawn from the simulator's own seeded process.</summary>
    Drawn,

    /// <summary>Anchored on the US quarterly macro data in data/real/macrodata.csv.</summary>
    Real,
}

/// <summary>What <c>streamrisk simulate</c> generates and where it writes it.</summary>
public sealed record SimulateOptions
{
    public required int Issuers { get; init; }
    public required int Years { get; init; }
    public required ulong Seed { get; init; }
    public required string OutDirectory { get; init; }
    public double NewsPerIssuerPerYear { get; init; } = 24;

    /// <summary>Share of issuers whose final class is extended (<see cref="StreamRisk.Core.Simulation.SimulationOptions.ExtendedShare"/>).</summary>
    public double ExtendedShare { get; init; } = 0.012;

    /// <summary>Share of issuers that default during the period (<see cref="StreamRisk.Core.Simulation.SimulationOptions.DefaultedShare"/>).</summary>
    public double DefaultedShare { get; init; } = 0.007;

    /// <summary>Share of issuers linked to another (<see cref="StreamRisk.Core.Simulation.SimulationOptions.RelatedShare"/>).</summary>
    public double RelatedShare { get; init; }

    /// <summary>When set, news lines are written in real time at this many texts per second (load tests).</summary>
    public double? NewsPerSecond { get; init; }
    public string? ReferenceDirectory { get; init; }
    public MacroSource Macro { get; init; } = MacroSource.Drawn;

    /// <summary>Folder holding macrodata.csv; null: look for data/real next to the program, then above the working folder.</summary>
    public string? RealDataDirectory { get; init; }
}
