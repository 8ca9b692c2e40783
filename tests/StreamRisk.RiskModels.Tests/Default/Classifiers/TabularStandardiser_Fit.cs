using StreamRisk.RiskModels.Default.Classifiers;

namespace StreamRisk.RiskModels.Tests.Default.Classifiers;

public sealed class TabularStandardiser_Fit
{
    [Fact]
    public void Missing_values_are_left_out_of_the_fit_and_become_the_mean()
    {
        // Column 0: 1, 3, NaN → mean 2, sd √2; column 1 constant → scale 1.
        double[][] rows = [[1, 5], [3, 5], [double.NaN, 5]];
        var n = TabularStandardiser.Fit(rows);
        Assert.Equal([2.0, 5], n.Mean);
        Assert.Equal(Math.Sqrt(2), n.Scale[0], 12);
        Assert.Equal(1, n.Scale[1]);
        Assert.Equal([0.0, 0], TabularStandardiser.Apply(n, [double.NaN, 5]));
        Assert.Equal(1 / Math.Sqrt(2), TabularStandardiser.Apply(n, [3, 5])[0], 12);
    }

    [Fact]
    public void Stratified_split_keeps_each_class_share_and_is_seeded()
    {
        var labels = Enumerable.Repeat(0, 100).Concat(Enumerable.Repeat(1, 20)).Concat(Enumerable.Repeat(2, 3)).ToArray();
        var (kept, held) = StratifiedSplit.Split(labels, 0.3, seed: 1);
        Assert.Equal([30, 6, 1], Enumerable.Range(0, 3).Select(c => held.Count(i => labels[i] == c)));
        Assert.Equal(labels.Length, kept.Length + held.Length);
        Assert.Empty(kept.Intersect(held));
        Assert.Equal(held, StratifiedSplit.Split(labels, 0.3, seed: 1).HeldOut);
        Assert.NotEqual(held, StratifiedSplit.Split(labels, 0.3, seed: 2).HeldOut);
    }
}
