namespace StreamRisk.RiskModels.Training.Training;

/// <summary>The model families <c>eval spread --models</c> can pick; the random walk, AR and ARX always run.</summary>
public static class SpreadModelFamilies
{
    public const string ITransformer = "itransformer";
    public const string Lstm = "lstm";
    public const string LightGbm = "lightgbm";
    public const string AttnMlp = "attnmlp";

    public static readonly IReadOnlyList<string> All = [ITransformer, Lstm, LightGbm, AttnMlp];

    /// <summary>A comma-separated list of families (case-insensitive); an unknown name is an error naming the known ones.</summary>
    public static IReadOnlySet<string> Parse(string list)
    {
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(m => m.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        Check(names);
        return names;
    }

    internal static void Check(IEnumerable<string> names)
    {
        var unknown = names.Where(m => !All.Contains(m)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"--models: unknown '{string.Join("', '", unknown)}' (known: {string.Join(", ", All)})");
    }
}

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
    /// <summary>Which of <see cref="SpreadModelFamilies.All"/> run besides the random walk, AR and ARX.</summary>
    public IReadOnlySet<string> Models { get; init; } = new HashSet<string>(SpreadModelFamilies.All, StringComparer.Ordinal);

    public void Validate()
    {
        if (Seeds < 1) throw new ArgumentException($"--seeds must be at least 1 (got {Seeds})");
        if (Window < 2) throw new ArgumentException($"--window must be at least 2 trading days (got {Window})");
        if (MaxIssuers is < 1) throw new ArgumentException($"--max-issuers must be at least 1 (got {MaxIssuers})");
        SpreadModelFamilies.Check(Models);
        Training.Validate();
    }
}
