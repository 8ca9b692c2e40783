using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Evaluation;

namespace StreamRisk.Core.Tests.Evaluation;

public sealed class DetectionScore_PrecisionRecall
{
    private static readonly Arbitrary<(int[] Truth, int[] Found)> Sets =
        (from truth in Gen.ListOf(Gen.Choose(0, 30))
         from found in Gen.ListOf(Gen.Choose(0, 30))
         select (truth.ToArray(), found.ToArray())).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Counts_partition_both_sets() => Prop.ForAll(Sets, s =>
    {
        var score = DetectionScore.Compare(s.Truth, s.Found);
        var truth = s.Truth.Distinct().Count();
        var found = s.Found.Distinct().Count();
        return score.TruePositives + score.FalseNegatives == truth
            && score.TruePositives + score.FalsePositives == found
            && score.TruePositives == s.Truth.Intersect(s.Found).Count();
    });

    [Property(MaxTest = 300)]
    public Property Precision_recall_and_F1_lie_in_zero_one_with_F1_between_them() => Prop.ForAll(Sets, s =>
    {
        var score = DetectionScore.Compare(s.Truth, s.Found);
        if (s.Truth.Length == 0 || s.Found.Length == 0) return double.IsNaN(score.F1);
        var (p, r, f) = (score.Precision, score.Recall, score.F1);
        return p is >= 0 and <= 1 && r is >= 0 and <= 1 && f >= Math.Min(p, r) - 1e-12 && f <= Math.Max(p, r) + 1e-12;
    });

    [Property(MaxTest = 200)]
    public Property Finding_exactly_the_truth_scores_one_and_finding_nothing_true_scores_zero() => Prop.ForAll(Sets, s =>
    {
        if (s.Truth.Length == 0) return true;
        var perfect = DetectionScore.Compare(s.Truth, s.Truth.Reverse());
        var wrong = DetectionScore.Compare(s.Truth, s.Truth.Select(t => t + 100));
        return perfect.Precision == 1 && perfect.Recall == 1 && perfect.F1 == 1
            && wrong.Precision == 0 && wrong.Recall == 0 && wrong.F1 == 0;
    });

    [Fact]
    public void Is_undefined_where_there_is_nothing_to_divide_by()
    {
        var nothingFound = DetectionScore.Compare([1, 2], Array.Empty<int>());
        Assert.True(double.IsNaN(nothingFound.Precision));
        Assert.Equal(0, nothingFound.Recall);
        var nothingToFind = DetectionScore.Compare(Array.Empty<int>(), [1]);
        Assert.True(double.IsNaN(nothingToFind.Recall));
        Assert.Equal(0, nothingToFind.Precision);
    }
}
