namespace StreamRisk.Core.Indexing;

/// <summary>
/// One issuer's daily index on a regular grid from its first day to its latest: two doubles per day (composite and
/// smoothed) in arrays, plus full detail only for the few days still open to late texts. About 16–20 bytes per
/// issuer-day, which keeps 10,000 issuers × 3 years well under 1 GiB.
/// </summary>
public sealed class IssuerDailyIndex
{
    private double[] _composite = new double[16];
    private double[] _smoothed = new double[16];
    // The issuer's own composite (firm + meso, without spill-over), kept only when issuers spill over to each other:
    // a related issuer reads it for days no longer open.
    private double[]? _own;

    internal IssuerDailyIndex(string issuerId, int firstDayNumber, bool tracksOwn = false)
    {
        IssuerId = issuerId;
        FirstDayNumber = firstDayNumber;
        _own = tracksOwn ? new double[16] : null;
    }

    public string IssuerId { get; }

    /// <summary>Day number (<see cref="DateOnly.DayNumber"/>) of element 0.</summary>
    public int FirstDayNumber { get; private set; }

    /// <summary>First day on the grid.</summary>
    public DateOnly FirstDay => DateOnly.FromDayNumber(FirstDayNumber);

    /// <summary>Number of days on the grid.</summary>
    public int DayCount { get; private set; }

    /// <summary>Composite values, element i for day FirstDay + i (0 on days without input).</summary>
    public ReadOnlySpan<double> Composite => _composite.AsSpan(0, DayCount);

    /// <summary>Causally smoothed values, element i for day FirstDay + i.</summary>
    public ReadOnlySpan<double> Smoothed => _smoothed.AsSpan(0, DayCount);

    internal Dictionary<int, OpenIssuerDay> OpenDays { get; } = [];

    /// <summary>First and last day (day numbers) of the issuer's own inputs (texts, meso scores) applied so far; null
    /// before any. Unlike the grid, which other issuers' spill-over grows too, it depends only on the set of inputs.</summary>
    internal (int First, int Last)? OwnInputs { get; private set; }

    internal void NoteOwnInput(int dayNumber) =>
        OwnInputs = OwnInputs is var (first, last) ? (Math.Min(first, dayNumber), Math.Max(last, dayNumber)) : (dayNumber, dayNumber);

    internal Span<double> CompositeMutable => _composite.AsSpan(0, DayCount);

    internal Span<double> SmoothedMutable => _smoothed.AsSpan(0, DayCount);

    /// <summary>Own composite (without spill-over) per day; empty unless tracked.</summary>
    internal Span<double> OwnMutable => _own is null ? default : _own.AsSpan(0, DayCount);

    /// <summary>Grows the grid so it covers <paramref name="dayNumber"/>; new days are zero. Returns the first new day number, or null.</summary>
    internal (int From, int To)? Cover(int dayNumber)
    {
        if (DayCount == 0)
        {
            FirstDayNumber = dayNumber;
            EnsureCapacity(1);
            DayCount = 1;
            return (dayNumber, dayNumber);
        }

        var last = FirstDayNumber + DayCount - 1;
        if (dayNumber > last)
        {
            var added = dayNumber - last;
            EnsureCapacity(DayCount + added);
            _composite.AsSpan(DayCount, added).Clear();
            _smoothed.AsSpan(DayCount, added).Clear();
            _own?.AsSpan(DayCount, added).Clear();
            DayCount += added;
            return (last + 1, dayNumber);
        }

        if (dayNumber < FirstDayNumber)
        {
            var added = FirstDayNumber - dayNumber;
            EnsureCapacity(DayCount + added);
            Array.Copy(_composite, 0, _composite, added, DayCount);
            Array.Copy(_smoothed, 0, _smoothed, added, DayCount);
            _composite.AsSpan(0, added).Clear();
            _smoothed.AsSpan(0, added).Clear();
            if (_own is not null)
            {
                Array.Copy(_own, 0, _own, added, DayCount);
                _own.AsSpan(0, added).Clear();
            }
            DayCount += added;
            var oldFirst = FirstDayNumber;
            FirstDayNumber = dayNumber;
            return (dayNumber, oldFirst - 1);
        }

        return null;
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= _composite.Length)
        {
            return;
        }

        // Grow by a quarter, not double: over years of days the slack of doubling would dominate memory.
        var capacity = Math.Max(needed, _composite.Length + Math.Max(16, _composite.Length / 4));
        Array.Resize(ref _composite, capacity);
        Array.Resize(ref _smoothed, capacity);
        if (_own is not null) Array.Resize(ref _own, capacity);
    }
}
