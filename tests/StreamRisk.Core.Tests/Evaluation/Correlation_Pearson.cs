using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Evaluation;

namespace StreamRisk.Core.Tests.Evaluation;

public sealed class Correlation_Pearson
{
    [Property(MaxTest = 300)]
    public Property Is_symmetric_and_within_minus_one_and_one() => Prop.ForAll(EvaluationSamples.Pairs, p =>
    {
        var r = Correlation.Pearson(p.X, p.Y);
        if (EvaluationSamples.IsConstant(p.X) || EvaluationSamples.IsConstant(p.Y)) return double.IsNaN(r);
        return r is >= -1 and <= 1 && Math.Abs(r - Correlation.Pearson(p.Y, p.X)) < 1e-12;
    });

    [Property(MaxTest = 300)]
    public Property Does_not_change_under_a_positive_affine_map_and_flips_under_a_negative_one() => Prop.ForAll(
        EvaluationSamples.Pairs, Gen.Choose(1, 1000).ToArbitrary(), Gen.Choose(-1000, 1000).ToArbitrary(), (p, scale, shift) =>
        {
            if (EvaluationSamples.IsConstant(p.X) || EvaluationSamples.IsConstant(p.Y)) return true;
            var r = Correlation.Pearson(p.X, p.Y);
            var up = p.X.Select(x => x * scale + shift).ToArray();
            var down = p.X.Select(x => -x * scale + shift).ToArray();
            return Math.Abs(Correlation.Pearson(up, p.Y) - r) < 1e-9 && Math.Abs(Correlation.Pearson(down, p.Y) + r) < 1e-9;
        });

    [Property(MaxTest = 200)]
    public Property Is_one_for_an_exact_increasing_line_even_far_from_zero() => Prop.ForAll(
        EvaluationSamples.Sample, Gen.Choose(1, 9).ToArbitrary(), (x, slope) =>
        {
            if (EvaluationSamples.IsConstant(x)) return true;
            // A large offset with a small spread is where one-pass formulas lose every digit.
            var shifted = x.Select(v => 1e6 + v).ToArray();
            var y = shifted.Select(v => slope * v - 3).ToArray();
            return Math.Abs(Correlation.Pearson(shifted, y) - 1) < 1e-9;
        });

    [Fact]
    public void Is_undefined_for_fewer_than_two_pairs_or_a_constant_side()
    {
        Assert.True(double.IsNaN(Correlation.Pearson([], [])));
        Assert.True(double.IsNaN(Correlation.Pearson([1.0], [2.0])));
        Assert.True(double.IsNaN(Correlation.Pearson([1.0, 2.0, 3.0], [5.0, 5.0, 5.0])));
    }

    [Fact]
    public void Rejects_samples_of_different_lengths()
    {
        Assert.Throws<ArgumentException>(() => Correlation.Pearson([1.0, 2.0], [1.0]));
    }
}
