namespace StreamRisk.RiskModels.Default;

/// <summary>Quarterly macro indicators (a simulation's macro.csv): one row of values per calendar quarter, in
/// <see cref="Names"/> order. A statement reads the row of the quarter holding its period end.</summary>
public sealed class MacroSeries
{
    private readonly Dictionary<int, double[]> _rows;

    /// <param name="rows">Values per (year, quarter 1–4), each with <paramref name="names"/>.Count entries.</param>
    public MacroSeries(IReadOnlyList<string> names, IReadOnlyDictionary<(int Year, int Quarter), double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(rows);
        Names = names;
        _rows = new Dictionary<int, double[]>(rows.Count);
        foreach (var ((year, quarter), values) in rows)
        {
            if (quarter is < 1 or > 4) throw new ArgumentException($"quarter must be 1..4 (was {quarter} in {year})", nameof(rows));
            if (values.Length != names.Count) throw new ArgumentException($"{year} Q{quarter} has {values.Length} values for {names.Count} names", nameof(rows));
            _rows[Key(year, quarter)] = values;
        }
    }

    public IReadOnlyList<string> Names { get; }

    public int QuarterCount => _rows.Count;

    /// <summary>The row of the quarter holding <paramref name="day"/> (a shared array: do not modify), or null when the
    /// series does not cover that quarter.</summary>
    public double[]? At(DateOnly day) => _rows.GetValueOrDefault(Key(day.Year, (day.Month - 1) / 3 + 1));

    private static int Key(int year, int quarter) => year * 4 + quarter - 1;
}
