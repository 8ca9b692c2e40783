namespace StreamRisk.Core.Indexing;

/// <summary>
/// The causal version of MulFSA's "duration function": a Daubechies-4 (<see cref="Daubechies4Filter"/>, 8-tap db4)
/// approximation at a given level, computed so that the value for day t uses only days ≤ t.
/// </summary>
/// <remarks>
/// <para>For each day t: take the trailing window of the last <c>n</c> daily values ending at t, extend it by its
/// mirror image (half-sample symmetric extension: <c>x_(t−n+1) … x_t | x_t … x_(t−n+1)</c>), run the periodic DWT
/// of the 2n samples to level L, zero the details of levels 1..L, reconstruct, and read the value at t.
/// The mirror only reuses values inside the window, so nothing after t enters; it also avoids the jump that
/// periodic wrap would put between the oldest and newest value, right where we read the result.</para>
/// <para>Every step is linear in the window, so the value at t equals a fixed weighted sum of the window
/// (a causal FIR filter). The weights are computed once per window shape by that very procedure
/// (the projection is symmetric, so one transform of a unit impulse gives its row) and applied as a dot product:
/// the same inputs always give bit-identical outputs, and appending future days cannot change past values.</para>
/// <para>Short histories (fewer than <see cref="Window"/> days since the series began): the level drops to
/// ⌊log2(available)⌋ (at most <see cref="Level"/>) and the window is the longest length ≤ available that the
/// level allows; one day of history is returned unchanged.</para>
/// </remarks>
public sealed class CausalWaveletSmoother
{
    private readonly double[][] _weightsByAvailable;

    /// <param name="level">Decomposition level L (MulFSA: 6).</param>
    /// <param name="window">Trailing window in days; at least 2^L and a multiple of 2^(L−1). Default 4·2^L (256 at level 6):
    /// there the filter has converged (a 512-day window gives the same weights to 4 decimals: lag ≈ 14 days, white-noise
    /// variance × 0.028), while a 2^L window leaves only two approximation coefficients and a visibly longer lag.</param>
    public CausalWaveletSmoother(int level = 6, int? window = null)
    {
        if (level is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "level must be in 1..12");
        }

        var w = window ?? 4 << level;
        if (w < 1 << level || w % (1 << (level - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(window), w, $"window must be ≥ 2^{level} and a multiple of 2^{level - 1}");
        }

        Level = level;
        Window = w;
        _weightsByAvailable = new double[w + 1][];
        var byShape = new Dictionary<(int Length, int Level), double[]>();
        for (var available = 1; available <= w; available++)
        {
            var shape = EffectiveWindow(available);
            if (!byShape.TryGetValue(shape, out var weights))
            {
                weights = ComputeWeights(shape.Length, shape.Level);
                byShape.Add(shape, weights);
            }

            _weightsByAvailable[available] = weights;
        }
    }

    /// <summary>Configured decomposition level.</summary>
    public int Level { get; }

    /// <summary>Configured trailing window in days.</summary>
    public int Window { get; }

    /// <summary>Window length and level used when <paramref name="available"/> days of history end at t.</summary>
    public (int Length, int Level) EffectiveWindow(int available)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(available, 1);
        if (available >= Window)
        {
            return (Window, Level);
        }

        var level = Math.Min(Level, 31 - int.LeadingZeroCount(available));
        if (level == 0)
        {
            return (1, 0);
        }

        var block = 1 << (level - 1);
        return (available / block * block, level);
    }

    /// <summary>The causal filter for <paramref name="available"/> days of history: weight j applies to day t−n+1+j.</summary>
    public ReadOnlySpan<double> WeightsFor(int available) => _weightsByAvailable[Math.Min(Math.Max(available, 1), Window)];

    /// <summary>Smoothed value for day <paramref name="t"/> of a series whose first element is the first day of history.</summary>
    public double SmoothAt(ReadOnlySpan<double> history, int t)
    {
        if ((uint)t >= (uint)history.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(t), t, "t must index the history");
        }

        var weights = _weightsByAvailable[Math.Min(t + 1, Window)];
        var window = history.Slice(t - weights.Length + 1, weights.Length);
        double sum = 0;
        for (var j = 0; j < weights.Length; j++)
        {
            sum += weights[j] * window[j];
        }

        return sum;
    }

    /// <summary>Smooths a whole series (element 0 = first day of history) into <paramref name="smoothed"/>.</summary>
    public void Smooth(ReadOnlySpan<double> series, Span<double> smoothed)
    {
        if (smoothed.Length < series.Length)
        {
            throw new ArgumentException("output shorter than the series", nameof(smoothed));
        }

        for (var t = 0; t < series.Length; t++)
        {
            smoothed[t] = SmoothAt(series, t);
        }
    }

    private static double[] ComputeWeights(int length, int level)
    {
        if (level == 0)
        {
            return [1.0];
        }

        // Row n−1 of the projection on the mirrored 2n samples, folded back onto the n window days.
        var row = new double[2 * length];
        row[length - 1] = 1.0;
        PeriodicWaveletTransform.Decompose(row, level);
        PeriodicWaveletTransform.ZeroDetails(row, level);
        PeriodicWaveletTransform.Reconstruct(row, level);
        var weights = new double[length];
        for (var j = 0; j < length; j++)
        {
            weights[j] = row[j] + row[2 * length - 1 - j];
        }

        return weights;
    }
}
