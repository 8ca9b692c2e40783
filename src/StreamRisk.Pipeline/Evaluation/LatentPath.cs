namespace StreamRisk.Pipeline.Evaluation;

/// <summary>
/// One issuer's true latent credit on the trading days it was live (truth/latent.csv), in day order.
/// Horizons count trading-day rows of this path, not calendar days, so "20" means about four weeks everywhere.
/// </summary>
public sealed class LatentPath
{
    private readonly DateOnly[] _days;
    private readonly double[] _values;

    public LatentPath(DateOnly[] days, double[] values)
    {
        if (days.Length != values.Length) throw new ArgumentException($"{days.Length} days but {values.Length} values");
        for (var i = 1; i < days.Length; i++)
        {
            if (days[i] <= days[i - 1]) throw new ArgumentException($"days must increase: {days[i - 1]:yyyy-MM-dd} then {days[i]:yyyy-MM-dd}");
        }
        _days = days;
        _values = values;
    }

    public int Count => _days.Length;

    /// <summary>Position of the last trading day on or before <paramref name="day"/>; −1 when the path starts later.</summary>
    public int PositionAtOrBefore(DateOnly day)
    {
        var i = Array.BinarySearch(_days, day);
        return i >= 0 ? i : ~i - 1;
    }

    public DateOnly Day(int position) => _days[position];

    public double Level(int position) => _values[position];

    /// <summary>latent(p + h) − latent(p): the change the index should anticipate; null past the end of the path.</summary>
    public double? ChangeAhead(int position, int horizon) =>
        position >= 0 && position + horizon < _values.Length ? _values[position + horizon] - _values[position] : null;

    /// <summary>latent(p) − latent(p − h): the change the news has been reporting on; null before the start of the path.</summary>
    public double? ChangeBehind(int position, int horizon) =>
        position - horizon >= 0 && position < _values.Length ? _values[position] - _values[position - horizon] : null;
}
