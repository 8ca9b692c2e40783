namespace StreamRisk.Core.Indexing;

/// <summary>
/// Multi-level discrete wavelet transform with periodic wrap, using <see cref="Daubechies4Filter"/>.
/// Periodisation keeps the transform orthogonal for every even length, so reconstruction is exact
/// (up to rounding) and zeroing details is an orthogonal projection onto the approximation space.
/// </summary>
/// <remarks>
/// Layout of the coefficient array after <see cref="Decompose"/> to level L on N samples (N divisible by 2^L):
/// <c>[a_L (N/2^L) | d_L (N/2^L) | d_(L−1) (N/2^(L−1)) | … | d_1 (N/2)]</c>.
/// </remarks>
public static class PeriodicWaveletTransform
{
    private static readonly double[] H = Daubechies4Filter.ScalingFilter.ToArray();
    private static readonly double[] G = Daubechies4Filter.WaveletFilter();

    /// <summary>Largest level the length allows (how many times it halves to an even-or-one count).</summary>
    public static int MaxLevel(int length)
    {
        var level = 0;
        while (length > 1 && (length & 1) == 0)
        {
            length >>= 1;
            level++;
        }

        return level;
    }

    /// <summary>Transforms <paramref name="signal"/> in place into coefficients to <paramref name="level"/>.</summary>
    public static void Decompose(Span<double> signal, int level)
    {
        Validate(signal.Length, level);
        var scratch = new double[signal.Length];
        var n = signal.Length;
        for (var l = 0; l < level; l++)
        {
            var half = n / 2;
            for (var k = 0; k < half; k++)
            {
                double a = 0, d = 0;
                for (var j = 0; j < Daubechies4Filter.Length; j++)
                {
                    var x = signal[(2 * k + j) % n];
                    a += H[j] * x;
                    d += G[j] * x;
                }

                scratch[k] = a;
                scratch[half + k] = d;
            }

            scratch.AsSpan(0, n).CopyTo(signal);
            n = half;
        }
    }

    /// <summary>Inverts <see cref="Decompose"/> in place.</summary>
    public static void Reconstruct(Span<double> coefficients, int level)
    {
        Validate(coefficients.Length, level);
        var scratch = new double[coefficients.Length];
        var n = coefficients.Length >> level;
        for (var l = 0; l < level; l++)
        {
            var full = 2 * n;
            Array.Clear(scratch, 0, full);
            for (var k = 0; k < n; k++)
            {
                var a = coefficients[k];
                var d = coefficients[n + k];
                for (var j = 0; j < Daubechies4Filter.Length; j++)
                {
                    scratch[(2 * k + j) % full] += H[j] * a + G[j] * d;
                }
            }

            scratch.AsSpan(0, full).CopyTo(coefficients);
            n = full;
        }
    }

    /// <summary>Zeroes the detail coefficients of levels 1..<paramref name="level"/> (keeps the approximation).</summary>
    public static void ZeroDetails(Span<double> coefficients, int level)
    {
        Validate(coefficients.Length, level);
        coefficients[(coefficients.Length >> level)..].Clear();
    }

    private static void Validate(int length, int level)
    {
        if (level < 0 || level > MaxLevel(length))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, $"a periodic transform of {length} samples allows levels 0..{MaxLevel(length)}");
        }
    }
}
