using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Evaluation;

namespace StreamRisk.Core.Tests.Evaluation;

public sealed class Correlation_Spearman
{
    [Property(MaxTest = 300)]
    public Property Does_not_change_under_strictly_increasing_maps_ties_included() => Prop.ForAll(EvaluationSamples.Pairs, p =>
    {
        if (EvaluationSamples.IsConstant(p.X) || EvaluationSamples.IsConstant(p.Y)) return true;
        var rho = Correlation.Spearman(p.X, p.Y);
        var cubed = p.X.Select(x => x * x * x + 2 * x).ToArray();
        var exp = p.Y.Select(Math.Exp).ToArray();
        return Math.Abs(Correlation.Spearman(cubed, exp) - rho) < 1e-9;
    });

    [Property(MaxTest = 300)]
    public Property Is_one_against_itself_and_minus_one_against_its_mirror() => Prop.ForAll(EvaluationSamples.Sample, x =>
    {
        if (x.Length < 2 || EvaluationSamples.IsConstant(x)) return true;
        var mirrored = x.Select(v => -v).ToArray();
        return Math.Abs(Correlation.Spearman(x, x) - 1) < 1e-12 && Math.Abs(Correlation.Spearman(x, mirrored) + 1) < 1e-12;
    });

    [Property(MaxTest = 300)]
    public Property Matches_the_rank_difference_formula_when_there_are_no_ties() => Prop.ForAll(
        Gen.Choose(2, 30).SelectMany(n => Gen.Shuffle(Enumerable.Range(0, n).ToArray()).Select(perm => (n, perm))).ToArbitrary(),
        s =>
        {
            // Without ties rho = 1 − 6 Σd² / (n(n² − 1)); an independent formula for the same quantity.
            var x = Enumerable.Range(0, s.n).Select(i => (double)i).ToArray();
            var y = s.perm.Select(i => (double)i).ToArray();
            var sumD2 = x.Zip(y, (a, b) => (a - b) * (a - b)).Sum();
            var expected = 1 - 6 * sumD2 / (s.n * ((double)s.n * s.n - 1));
            return Math.Abs(Correlation.Spearman(x, y) - expected) < 1e-9;
        });

    [Fact]
    public void Tied_values_share_their_rank_so_a_tie_on_one_side_weakens_the_correlation()
    {
        double[] x = [1, 2, 3, 4];
        double[] yTied = [1, 2, 2, 4];
        var rho = Correlation.Spearman(x, yTied);
        Assert.True(rho is < 1 and > 0.9, $"rho {rho}");
    }
}
