using StreamRisk.Core.Evaluation;

namespace StreamRisk.Pipeline.Evaluation;

/// <summary>
/// Correlates the smoothed daily index with the latent credit path. Day t of the index is matched to the last trading
/// day on or before t (index days include weekends; latent credit moves on trading days only); horizons count
/// trading days. Days before an issuer's path starts, or whose horizon falls outside it, are left out.
/// </summary>
public static class IndexCorrelationEvaluation
{
    /// <param name="issuers">Only these issuers' values (null: every issuer's).</param>
    public static IReadOnlyList<IndexCorrelation> Score(PipelineOutcome outcome, IReadOnlyDictionary<string, LatentPath> latent, int horizonDays,
        IReadOnlySet<string>? issuers = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizonDays, 1);
        var targets = Enum.GetValues<LatentTarget>();
        var index = new List<double>[targets.Length];
        var truth = new List<double>[targets.Length];
        for (var k = 0; k < targets.Length; k++)
        {
            index[k] = [];
            truth[k] = [];
        }
        foreach (var daily in outcome.DailyIndex)
        {
            if (issuers is not null && !issuers.Contains(daily.IssuerId)) continue;
            if (!latent.TryGetValue(daily.IssuerId, out var path)) continue;
            var position = path.PositionAtOrBefore(daily.Day);
            if (position < 0) continue;
            for (var k = 0; k < targets.Length; k++)
            {
                double? value = targets[k] switch
                {
                    LatentTarget.ChangeBehind => path.ChangeBehind(position, horizonDays),
                    LatentTarget.ChangeAhead => path.ChangeAhead(position, horizonDays),
                    _ => path.Level(position),
                };
                if (value is not { } v) continue;
                index[k].Add(daily.Smoothed);
                truth[k].Add(v);
            }
        }
        var result = new IndexCorrelation[targets.Length];
        for (var k = 0; k < targets.Length; k++)
        {
            var x = index[k].ToArray();
            var y = truth[k].ToArray();
            result[k] = new IndexCorrelation(targets[k], horizonDays, x.Length, Correlation.Pearson(x, y), Correlation.Spearman(x, y));
        }
        return result;
    }
}
