namespace StreamRisk.RiskModels.Data;

/// <summary>
/// The inputs of the spread forecasters, in order. Sentiment inputs are the live daily index's parts; the A/B turns
/// them off. The simulator publishes no interest-rate series, so a market from it has none.
/// </summary>
public static class SpreadFeatures
{
    public const string LogSpread = "log_spread";
    public const string LogSpreadChange = "log_spread_change_1d";
    public const string IndexSmoothed = "index_smoothed";
    public const string FirmScore = "firm_score";
    public const string MesoScore = "meso_score";
    public const string Composite = "index_composite";
    public const string DebtToAssets = "debt_to_assets";
    public const string LogInterestCoverage = "log_interest_coverage";

    /// <summary>Every feature a market series carries, in column order; the spread's own log level comes first (the target variate).</summary>
    public static readonly IReadOnlyList<string> All =
        [LogSpread, LogSpreadChange, IndexSmoothed, FirmScore, MesoScore, Composite, DebtToAssets, LogInterestCoverage];

    /// <summary>The daily sentiment index's inputs: what "without sentiment" leaves out.</summary>
    public static readonly IReadOnlySet<string> Sentiment = new HashSet<string>(StringComparer.Ordinal)
    {
        IndexSmoothed, FirmScore, MesoScore, Composite,
    };

    public static readonly IReadOnlyList<string> WithoutSentiment = All.Where(f => !Sentiment.Contains(f)).ToList();

    /// <summary>Forecast horizons in trading days: 1–5 and the alert horizon 20.</summary>
    public static readonly IReadOnlyList<int> DefaultHorizons = [1, 2, 3, 4, 5, 20];

    public static int IndexOf(string feature)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], feature, StringComparison.Ordinal)) return i;
        }
        throw new ArgumentException($"unknown spread feature '{feature}' (known: {string.Join(", ", All)})", nameof(feature));
    }
}
