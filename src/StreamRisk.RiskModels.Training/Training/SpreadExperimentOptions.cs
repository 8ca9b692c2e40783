namespace StreamRisk.RiskModels.Training.Training;

/// <summary>What <c>streamrisk eval spread</c> compares, on which market files, and where the report goes.</summary>
public sealed record SpreadExperimentOptions
{
    public required string SpreadsFile { get; init; }
    public required string FundamentalsFile { get; init; }
    public required string DailyIndexFile { get; init; }
    public required string OutDirectory { get; init; }
    /// <summary>Described in the report (e.g. the simulation folder and its size).</summary>
    public required string Source { get; init; }
    public required string CodeVersion { get; init; }
    public int Seeds { get; init; } = 3;
    public int Window { get; init; } = 7;
    public int? MaxIssuers { get; init; }
    public SpreadTrainingOptions Training { get; init; } = new();

    public void Validate()
    {
        if (Seeds < 1) throw new ArgumentException($"--seeds must be at least 1 (got {Seeds})");
        if (Window < 2) throw new ArgumentException($"--window must be at least 2 trading days (got {Window})");
        if (MaxIssuers is < 1) throw new ArgumentException($"--max-issuers must be at least 1 (got {MaxIssuers})");
        Training.Validate();
    }
}
