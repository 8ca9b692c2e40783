namespace StreamRisk.RiskModels.Default.Evaluation;

/// <summary>A metric over repeated runs (seeds): mean, sample standard deviation (0 for one run) and the runs counted.</summary>
public readonly record struct MetricSummary(string Name, double Mean, double StandardDeviation, int Runs)
{
    /// <summary>Mean ± sample sd of <paramref name="values"/>; NaN values (undefined in a run) are left out and not counted.</summary>
    public static MetricSummary Of(string name, IEnumerable<double> values)
    {
        var defined = values.Where(v => !double.IsNaN(v)).ToArray();
        if (defined.Length == 0) return new MetricSummary(name, double.NaN, double.NaN, 0);
        var mean = defined.Average();
        var sd = defined.Length < 2 ? 0 : Math.Sqrt(defined.Sum(v => (v - mean) * (v - mean)) / (defined.Length - 1));
        return new MetricSummary(name, mean, sd, defined.Length);
    }

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Mean:0.0000} ± {StandardDeviation:0.0000}");
}

/// <summary>Mean ± sd of a model's <see cref="DefaultMetrics"/> over seeds, counting only runs that predict all three classes.</summary>
/// <param name="Excluded">Runs left out because they never predicted some class.</param>
public sealed record DefaultMetricsSummary(IReadOnlyList<MetricSummary> Metrics, int Counted, int Excluded)
{
    public static DefaultMetricsSummary Of(IReadOnlyList<DefaultMetrics> runs)
    {
        var counted = runs.Where(r => r.PredictsAllClasses).ToArray();
        var names = (counted.FirstOrDefault() ?? runs.FirstOrDefault())?.Scalars().Select(s => s.Key).ToArray() ?? [];
        var metrics = names.Select((name, i) => MetricSummary.Of(name, counted.Select(r => r.Scalars()[i].Value))).ToArray();
        return new DefaultMetricsSummary(metrics, counted.Length, runs.Count - counted.Length);
    }

    public MetricSummary this[string name] => Metrics.First(m => m.Name == name);
}
