using System.Security.Cryptography;

namespace StreamRisk.RiskModels.Data;

/// <summary>Which part of the calendar an example's origin falls in.</summary>
public enum SplitPart { Train, Validation, Test }

/// <summary>
/// Rolling-window examples over market series: the inputs are the <see cref="Window"/> rows up to and including the
/// origin, the targets ln(S[t+h] / S[t]) for each horizon. Splits are chronological by origin day, and an example is in
/// train (validation) only if its farthest target day is before the next part starts, so no target overlaps a later
/// part's inputs.
/// </summary>
public sealed class SpreadDataset
{
    public SpreadDataset(IReadOnlyList<IssuerMarketSeries> series, int window, IReadOnlyList<int> horizons,
        double trainShare = 0.6, double validationShare = 0.2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 2);
        if (horizons.Count == 0 || horizons.Any(h => h < 1)) throw new ArgumentException("horizons must be ≥ 1 trading day", nameof(horizons));
        if (!(trainShare > 0 && validationShare >= 0 && trainShare + validationShare < 1)) throw new ArgumentException("split shares must leave a test part");
        Series = series;
        Window = window;
        Horizons = horizons;
        var maxH = horizons.Max();

        var allDays = series.SelectMany(s => s.Days).Distinct().Order().ToList();
        if (allDays.Count < window + maxH + 3) throw new ArgumentException($"the market has {allDays.Count} trading days; window {window} + horizon {maxH} needs more");
        ValidationStart = allDays[(int)(allDays.Count * trainShare)];
        TestStart = allDays[(int)(allDays.Count * (trainShare + validationShare))];

        var train = new List<SpreadExample>();
        var validation = new List<SpreadExample>();
        var test = new List<SpreadExample>();
        for (var i = 0; i < series.Count; i++)
        {
            var s = series[i];
            for (var t = window - 1; t + maxH < s.Length; t++)
            {
                var origin = s.Days[t];
                var last = s.Days[t + maxH];
                if (origin < ValidationStart)
                {
                    if (last < ValidationStart) train.Add(new SpreadExample(i, t));
                }
                else if (origin < TestStart)
                {
                    if (last < TestStart) validation.Add(new SpreadExample(i, t));
                }
                else
                {
                    test.Add(new SpreadExample(i, t));
                }
            }
        }
        Train = train;
        Validation = validation;
        Test = test;
    }

    public IReadOnlyList<IssuerMarketSeries> Series { get; }
    public int Window { get; }
    public IReadOnlyList<int> Horizons { get; }
    public DateOnly ValidationStart { get; }
    public DateOnly TestStart { get; }
    public IReadOnlyList<SpreadExample> Train { get; }
    public IReadOnlyList<SpreadExample> Validation { get; }
    public IReadOnlyList<SpreadExample> Test { get; }

    public IReadOnlyList<SpreadExample> Part(SplitPart part) => part switch
    {
        SplitPart.Train => Train,
        SplitPart.Validation => Validation,
        _ => Test,
    };

    public DateOnly OriginDay(SpreadExample e) => Series[e.Series].Days[e.Origin];

    public double OriginSpread(SpreadExample e) => Series[e.Series].SpreadBps[e.Origin];

    public double ActualSpread(SpreadExample e, int horizonIndex) => Series[e.Series].SpreadBps[e.Origin + Horizons[horizonIndex]];

    /// <summary>ln(S[t+h] / S[t]) for every horizon.</summary>
    public void Targets(SpreadExample e, Span<double> into)
    {
        var s = Series[e.Series];
        var now = s.Values[e.Origin][0];
        for (var k = 0; k < Horizons.Count; k++) into[k] = s.Values[e.Origin + Horizons[k]][0] - now;
    }

    /// <summary>The raw window, row-major [Window × features], of the given feature columns (indices into
    /// <see cref="SpreadFeatures.All"/>). Reads rows Origin − Window + 1 … Origin only.</summary>
    public void WindowValues(SpreadExample e, IReadOnlyList<int> columns, Span<double> into)
    {
        var rows = Series[e.Series].Values;
        var start = e.Origin - Window + 1;
        for (var r = 0; r < Window; r++)
        {
            var row = rows[start + r];
            for (var c = 0; c < columns.Count; c++) into[r * columns.Count + c] = row[columns[c]];
        }
    }

    /// <summary>SHA-256 of the series (issuer ids, days, values): the training-data hash of an artifact.</summary>
    public string Sha256()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> buffer = stackalloc byte[8];
        foreach (var s in Series)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(s.IssuerId));
            for (var t = 0; t < s.Length; t++)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(buffer, s.Days[t].DayNumber);
                hash.AppendData(buffer[..4]);
                foreach (var v in s.Values[t])
                {
                    System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(buffer, v);
                    hash.AppendData(buffer);
                }
            }
        }
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"window={Window};horizons={string.Join(',', Horizons)};val={ValidationStart};test={TestStart}"));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
