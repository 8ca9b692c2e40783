namespace StreamRisk.Core.Indexing;

/// <summary>One industry's daily weighted means and their z-scores on a regular grid (NaN: no data that day).</summary>
internal sealed class IndustrySeries(string industryId, int firstDayNumber)
{
    private double[] _mean = [];
    private double[] _z = [];

    public string IndustryId { get; } = industryId;

    public int FirstDayNumber { get; private set; } = firstDayNumber;

    public int DayCount { get; private set; }

    public Span<double> Mean => _mean.AsSpan(0, DayCount);

    public Span<double> Z => _z.AsSpan(0, DayCount);

    public Dictionary<int, OpenIndustryDay> OpenDays { get; } = [];

    /// <summary>z-score of a day, NaN when the day is off the grid or had no data.</summary>
    public double ZOn(int dayNumber)
    {
        var i = dayNumber - FirstDayNumber;
        return (uint)i < (uint)DayCount ? _z[i] : double.NaN;
    }

    /// <summary>Grows the grid to cover <paramref name="dayNumber"/>; returns the new days' range or null.</summary>
    public (int From, int To)? Cover(int dayNumber)
    {
        if (DayCount == 0)
        {
            FirstDayNumber = dayNumber;
            Resize(1, 0);
            return (dayNumber, dayNumber);
        }

        var last = FirstDayNumber + DayCount - 1;
        if (dayNumber > last)
        {
            Resize(DayCount + dayNumber - last, 0);
            return (last + 1, dayNumber);
        }

        if (dayNumber < FirstDayNumber)
        {
            var oldFirst = FirstDayNumber;
            Resize(DayCount + oldFirst - dayNumber, oldFirst - dayNumber);
            FirstDayNumber = dayNumber;
            return (dayNumber, oldFirst - 1);
        }

        return null;
    }

    private void Resize(int count, int shift)
    {
        var mean = new double[count];
        var z = new double[count];
        Array.Fill(mean, double.NaN);
        Array.Fill(z, double.NaN);
        Array.Copy(_mean, 0, mean, shift, DayCount);
        Array.Copy(_z, 0, z, shift, DayCount);
        _mean = mean;
        _z = z;
        DayCount = count;
    }
}
