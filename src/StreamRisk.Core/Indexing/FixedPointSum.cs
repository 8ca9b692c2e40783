namespace StreamRisk.Core.Indexing;

/// <summary>
/// A sum kept as an integer count of 2^−36 units. Integer addition is associative, so the total does not depend on
/// the order the terms arrived in: a late text, a redelivery or a replay gives the same bits as the live run,
/// which floating-point sums do not. Resolution ≈ 1.5e−11 per term; magnitude up to ≈ 1.3e8.
/// </summary>
public readonly record struct FixedPointSum(long Units)
{
    private const double Scale = 68719476736.0; // 2^36

    /// <summary>Adds <paramref name="value"/> rounded to the nearest unit; throws on overflow.</summary>
    public FixedPointSum Add(double value)
    {
        if (!double.IsFinite(value) || Math.Abs(value) > 1e8)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "term must be finite and below 1e8 in magnitude");
        }

        return new FixedPointSum(checked(Units + (long)Math.Round(value * Scale, MidpointRounding.ToEven)));
    }

    /// <summary>The sum as a double.</summary>
    public double Value => Units / Scale;
}
