namespace StreamRisk.Core.Evaluation;

/// <summary>
/// Confusion matrix of three-way polarity (−1, 0, +1): rows are the true polarity, columns the predicted one.
/// Accumulates pair by pair, so a caller can stream millions of pairs through it.
/// </summary>
public sealed class PolarityConfusion
{
    private readonly long[,] _counts = new long[3, 3];

    public static IReadOnlyList<int> Classes { get; } = [-1, 0, 1];

    public void Add(int truth, int predicted) => _counts[Index(truth), Index(predicted)]++;

    public long Count(int truth, int predicted) => _counts[Index(truth), Index(predicted)];

    public long Total
    {
        get
        {
            long total = 0;
            foreach (var c in _counts) total += c;
            return total;
        }
    }

    /// <summary>Pairs whose true polarity is not neutral: the texts that take a side.</summary>
    public long Polar => RowTotal(-1) + RowTotal(1);

    /// <summary>
    /// Share of texts with a non-zero true polarity whose predicted polarity is the same (a neutral prediction counts as
    /// wrong). NaN when there is no such text. Chance level for a three-way guess is 1/3.
    /// </summary>
    public double PolarAccuracy
    {
        get
        {
            var polar = Polar;
            return polar == 0 ? double.NaN : (double)(Count(-1, -1) + Count(1, 1)) / polar;
        }
    }

    /// <summary>Share of all pairs, neutral ones included, predicted exactly. NaN when empty.</summary>
    public double Accuracy
    {
        get
        {
            var total = Total;
            return total == 0 ? double.NaN : (double)(Count(-1, -1) + Count(0, 0) + Count(1, 1)) / total;
        }
    }

    public long RowTotal(int truth)
    {
        var row = Index(truth);
        return _counts[row, 0] + _counts[row, 1] + _counts[row, 2];
    }

    /// <summary>The predicted class of a score in [−1, 1]: neutral inside ±<paramref name="neutralBand"/>, else its sign.</summary>
    public static int Classify(double score, double neutralBand)
    {
        if (double.IsNaN(score)) throw new ArgumentException("score is NaN", nameof(score));
        if (neutralBand < 0 || double.IsNaN(neutralBand)) throw new ArgumentOutOfRangeException(nameof(neutralBand), neutralBand, "must be >= 0");
        if (score > neutralBand) return 1;
        if (score < -neutralBand) return -1;
        return 0;
    }

    private static int Index(int polarity) => polarity switch
    {
        -1 => 0,
        0 => 1,
        1 => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(polarity), polarity, "polarity is -1, 0 or +1"),
    };
}
