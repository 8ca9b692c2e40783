using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Evaluation;

namespace StreamRisk.Core.Tests.Evaluation;

public sealed class FractionalRanks_Ties
{
    [Property(MaxTest = 300)]
    public Property Ranks_sum_to_that_of_one_to_n() => Prop.ForAll(EvaluationSamples.Sample, x =>
    {
        var n = x.Length;
        return Math.Abs(FractionalRanks.Of(x).Sum() - n * (n + 1) / 2.0) < 1e-9;
    });

    [Property(MaxTest = 300)]
    public Property Equal_values_share_a_rank_and_larger_values_rank_higher() => Prop.ForAll(EvaluationSamples.Sample, x =>
    {
        var r = FractionalRanks.Of(x);
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = 0; j < x.Length; j++)
            {
                if (x[i] == x[j] && r[i] != r[j]) return false;
                if (x[i] < x[j] && !(r[i] < r[j])) return false;
            }
        }
        return true;
    });

    [Property(MaxTest = 300)]
    public Property A_tied_group_gets_the_mean_of_the_positions_it_spans() => Prop.ForAll(EvaluationSamples.Sample, x =>
    {
        var r = FractionalRanks.Of(x);
        for (var i = 0; i < x.Length; i++)
        {
            var below = x.Count(v => v < x[i]);
            var tied = x.Count(v => v == x[i]);
            if (Math.Abs(r[i] - (below + (tied + 1) / 2.0)) > 1e-12) return false;
        }
        return true;
    });

    [Fact]
    public void Refuses_NaN()
    {
        Assert.Throws<ArgumentException>(() => FractionalRanks.Of([1.0, double.NaN]));
    }
}
