using StreamRisk.RiskModels.Default;

namespace StreamRisk.RiskModels.Training.Training;

/// <summary>What <c>streamrisk eval default</c> runs.</summary>
public sealed record DefaultExperimentOptions
{
    public required string SimulationDirectory { get; init; }
    /// <summary>Report folder; trained artifacts go to its <c>models/</c> (resumable).</summary>
    public required string OutDirectory { get; init; }
    /// <summary>Where the data came from, for the report and the artifacts.</summary>
    public required string Source { get; init; }
    public required string CodeVersion { get; init; }
    /// <summary>Seeds per seeded model; metrics are mean ± sd over the runs that predict all three classes.</summary>
    public int Seeds { get; init; } = 3;
    /// <summary>The first seed; seeds run from it upwards.</summary>
    public int FirstSeed { get; init; } = 1;
    /// <summary>Where the single trained artifact goes (<c>train default --out</c>); null: <c>OutDirectory/models/KEY/seed-N</c>.</summary>
    public string? ArtifactDirectory { get; init; }
    /// <summary>The models to run (keys of <see cref="DefaultModels.Specs"/>); null: all.</summary>
    public IReadOnlySet<string>? Models { get; init; }
    public DefaultDatasetOptions Dataset { get; init; } = DefaultDatasetOptions.Default;
    public EmdlotTrainingOptions Emdlot { get; init; } = new();
    public GanCnnOptions GanCnn { get; init; } = new();
    public int Threads { get; init; } = 2;

    public void Validate()
    {
        if (Seeds is < 1 or > 100) throw new ArgumentException($"--seeds must be in 1..100 (got {Seeds})");
        if (Threads < 1) throw new ArgumentException($"--threads must be at least 1 (got {Threads})");
        if (Models is not null)
        {
            var unknown = Models.Where(m => !DefaultModels.Keys.Contains(m)).ToList();
            if (unknown.Count > 0 || Models.Count == 0)
            {
                throw new ArgumentException($"--models: unknown model(s) {string.Join(", ", unknown)}; choose from {string.Join(", ", DefaultModels.Keys)}");
            }
        }
        Dataset.Validate();
        Emdlot.Validate();
    }
}
