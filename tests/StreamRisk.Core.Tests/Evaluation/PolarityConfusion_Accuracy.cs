using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Evaluation;

namespace StreamRisk.Core.Tests.Evaluation;

public sealed class PolarityConfusion_Accuracy
{
    private static readonly Arbitrary<(int Truth, int Predicted)[]> Pairs =
        Gen.ArrayOf(from t in Gen.Choose(-1, 1) from p in Gen.Choose(-1, 1) select (t, p)).ToArbitrary();

    private static PolarityConfusion Fill((int Truth, int Predicted)[] pairs)
    {
        var confusion = new PolarityConfusion();
        foreach (var (t, p) in pairs) confusion.Add(t, p);
        return confusion;
    }

    [Property(MaxTest = 300)]
    public Property Cells_count_every_pair_once() => Prop.ForAll(Pairs, pairs =>
    {
        var c = Fill(pairs);
        return c.Total == pairs.Length
            && PolarityConfusion.Classes.All(t => PolarityConfusion.Classes.All(p => c.Count(t, p) == pairs.Count(x => x == (t, p))))
            && PolarityConfusion.Classes.All(t => c.RowTotal(t) == pairs.Count(x => x.Truth == t));
    });

    [Property(MaxTest = 300)]
    public Property Polar_accuracy_is_the_share_of_non_neutral_truths_predicted_exactly() => Prop.ForAll(Pairs, pairs =>
    {
        var c = Fill(pairs);
        var polar = pairs.Where(x => x.Truth != 0).ToArray();
        if (polar.Length == 0) return double.IsNaN(c.PolarAccuracy);
        var expected = polar.Count(x => x.Predicted == x.Truth) / (double)polar.Length;
        return Math.Abs(c.PolarAccuracy - expected) < 1e-12 && c.Polar == polar.Length;
    });

    [Property(MaxTest = 300)]
    public Property Overall_accuracy_counts_neutral_pairs_too() => Prop.ForAll(Pairs, pairs =>
    {
        var c = Fill(pairs);
        if (pairs.Length == 0) return double.IsNaN(c.Accuracy);
        return Math.Abs(c.Accuracy - pairs.Count(x => x.Truth == x.Predicted) / (double)pairs.Length) < 1e-12;
    });

    [Property(MaxTest = 300)]
    public Property Classify_is_odd_and_neutral_exactly_inside_the_band() => Prop.ForAll(
        Gen.Choose(-1000, 1000).Select(i => i / 1000.0).ToArbitrary(), Gen.Choose(0, 500).Select(i => i / 1000.0).ToArbitrary(), (score, band) =>
        {
            var c = PolarityConfusion.Classify(score, band);
            var expected = Math.Abs(score) <= band ? 0 : Math.Sign(score);
            return c == expected && PolarityConfusion.Classify(-score, band) == -c;
        });

    [Fact]
    public void Rejects_a_polarity_outside_minus_one_zero_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PolarityConfusion().Add(2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PolarityConfusion().Add(0, -2));
    }
}
