namespace StreamRisk.Pipeline.Evaluation;

/// <summary>How <c>streamrisk eval</c> runs the pipeline over a simulation and scores it.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Folder <c>streamrisk simulate</c> wrote (news.jsonl, fundamentals.jsonl, spreads.jsonl, issuers.csv, truth/).</summary>
    public required string SimulationDirectory { get; init; }

    /// <summary>Where the report, the pipeline's topic files and its database go; default <c>&lt;sim&gt;/eval</c>.</summary>
    public string? OutDirectory { get; init; }

    public string? ReferenceDirectory { get; init; }

    public int ChunkSize { get; init; } = 64;

    /// <summary>Text models of the evaluated run (the built-in ones unless set).</summary>
    public Running.ModelOptions Models { get; init; } = Running.ModelOptions.BuiltIn;

    public int BatchSize { get; init; } = 512;

    /// <summary>h in latent(t+h) − latent(t) and latent(t) − latent(t−h), in trading days.</summary>
    public int HorizonDays { get; init; } = 20;

    /// <summary>Firm scores (P(pos) − P(neg)) within ±band are read as a neutral prediction.</summary>
    public double NeutralBand { get; init; } = 0.05;

    public string ResolvedOutDirectory => OutDirectory ?? Path.Combine(SimulationDirectory, "eval");
}
