namespace StreamRisk.Core.Simulation;

/// <summary>
/// The economy-wide credit factor, one value per calendar quarter, read daily by linear interpolation between quarter
/// midpoints. Quarters covered by real macro data take its z-scored business-cycle reading (GDP growth minus the rise
/// in unemployment); the rest are drawn from an AR(1) that continues from the last real value.
/// </summary>
public sealed class MacroFactorPath
{
    private const double DrawnPersistence = 0.8;

    // 2008Q4 reads about −4 sd; uncapped it would put nearly every default of a 1999–2008 run into one quarter.
    private const double MaxAbsFactor = 2.5;
    private readonly DateOnly _firstQuarterStart;
    private readonly double[] _quarterValues;

    public MacroFactorPath(DateOnly startDay, DateOnly endDay, IReadOnlyList<MacroQuarter>? anchor, Pcg32 random)
    {
        _firstQuarterStart = QuarterStart(startDay).AddMonths(-3);
        var quarters = QuarterIndex(QuarterStart(endDay)) - QuarterIndex(_firstQuarterStart) + 2;
        _quarterValues = new double[quarters];
        var real = anchor is { Count: > 2 } ? BusinessCycle(anchor) : new Dictionary<int, double>();
        AnchoredQuarters = 0;
        var previous = 0.0;
        for (var i = 0; i < quarters; i++)
        {
            var index = QuarterIndex(_firstQuarterStart) + i;
            // Draw every quarter even where real data replaces it, so the drawn part does not depend on how much is anchored.
            var drawn = DrawnPersistence * previous + Math.Sqrt(1 - DrawnPersistence * DrawnPersistence) * random.NextGaussian();
            if (real.TryGetValue(index, out var value))
            {
                AnchoredQuarters++;
                previous = value;
            }
            else
            {
                previous = drawn;
            }

            _quarterValues[i] = previous;
        }
    }

    /// <summary>How many simulated quarters took their value from real data.</summary>
    public int AnchoredQuarters { get; }

    /// <summary>The factor on <paramref name="day"/>: roughly standard normal, negative in recessions.</summary>
    public double At(DateOnly day)
    {
        var quarter = QuarterIndex(QuarterStart(day)) - QuarterIndex(_firstQuarterStart);
        var start = QuarterStart(day);
        var length = start.AddMonths(3).DayNumber - start.DayNumber;
        var position = (day.DayNumber - start.DayNumber + 0.5) / length; // 0.5 = quarter midpoint
        int from, to;
        double weight;
        if (position < 0.5)
        {
            from = quarter - 1;
            to = quarter;
            weight = position + 0.5;
        }
        else
        {
            from = quarter;
            to = quarter + 1;
            weight = position - 0.5;
        }

        from = Math.Clamp(from, 0, _quarterValues.Length - 1);
        to = Math.Clamp(to, 0, _quarterValues.Length - 1);
        return _quarterValues[from] * (1 - weight) + _quarterValues[to] * weight;
    }

    /// <summary>The factor of each calendar quarter (the value at its midpoint, which <see cref="At"/> interpolates between),
    /// from the quarter holding <paramref name="from"/> to the one holding <paramref name="to"/>, both within the path.</summary>
    public IEnumerable<(int Year, int Quarter, double Factor)> Quarters(DateOnly from, DateOnly to)
    {
        var first = QuarterIndex(_firstQuarterStart);
        var start = Math.Max(QuarterIndex(QuarterStart(from)), first);
        var end = Math.Min(QuarterIndex(QuarterStart(to)), first + _quarterValues.Length - 1);
        for (var index = start; index <= end; index++) yield return (index / 4, index % 4 + 1, _quarterValues[index - first]);
    }

    /// <summary>Z-scored (annualised GDP growth z − unemployment change z), averaged over two quarters to damp noise, capped at ±2.5.</summary>
    public static Dictionary<int, double> BusinessCycle(IReadOnlyList<MacroQuarter> anchor)
    {
        var ordered = anchor.OrderBy(q => q.Year).ThenBy(q => q.Quarter).ToArray();
        var growth = new double[ordered.Length - 1];
        var unemploymentChange = new double[ordered.Length - 1];
        for (var i = 1; i < ordered.Length; i++)
        {
            growth[i - 1] = 400.0 * Math.Log(ordered[i].RealGdp / ordered[i - 1].RealGdp);
            unemploymentChange[i - 1] = ordered[i].UnemploymentRate - ordered[i - 1].UnemploymentRate;
        }

        var raw = new double[growth.Length];
        var zGrowth = ZScores(growth);
        var zUnemployment = ZScores(unemploymentChange);
        for (var i = 0; i < raw.Length; i++)
        {
            var current = zGrowth[i] - zUnemployment[i];
            var before = i > 0 ? zGrowth[i - 1] - zUnemployment[i - 1] : current;
            raw[i] = 0.5 * (current + before);
        }

        var factor = ZScores(raw);
        var result = new Dictionary<int, double>(factor.Length);
        for (var i = 0; i < factor.Length; i++)
            result[ordered[i + 1].Year * 4 + ordered[i + 1].Quarter - 1] = Math.Clamp(factor[i], -MaxAbsFactor, MaxAbsFactor);
        return result;
    }

    private static double[] ZScores(double[] values)
    {
        var mean = 0.0;
        foreach (var v in values) mean += v;
        mean /= values.Length;
        var variance = 0.0;
        foreach (var v in values) variance += (v - mean) * (v - mean);
        var sd = Math.Sqrt(variance / Math.Max(1, values.Length - 1));
        var z = new double[values.Length];
        for (var i = 0; i < values.Length; i++) z[i] = sd > 0 ? (values[i] - mean) / sd : 0;
        return z;
    }

    private static DateOnly QuarterStart(DateOnly day) => new(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);

    private static int QuarterIndex(DateOnly quarterStart) => quarterStart.Year * 4 + (quarterStart.Month - 1) / 3;
}
