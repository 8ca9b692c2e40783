using StreamRisk.RiskModels.Default.Classifiers;
using StreamRisk.RiskModels.Default.Evaluation;
using StreamRisk.RiskModels.Tests.Default.Classifiers;
using StreamRisk.RiskModels.Training.Default.Classifiers;
using StreamRisk.RiskModels.Training.Training;

namespace StreamRisk.RiskModels.Training.Tests.Default.Classifiers;

public sealed class GanCnnRowClassifier_LearnsRows
{
    private static readonly GanCnnOptions Fast = new() { Epochs = 30, Patience = 30, GanSteps = 60, Channels = 8, LearningRate = 1e-2, Threads = 1 };

    private static (double[][] X, int[] Y) Binary(int seed)
    {
        var (x, y) = SyntheticClasses.Draw(seed, performing: 300, extended: 0, defaulted: 60);
        return (x, y.Select(l => l == 2 ? 1 : 0).ToArray());
    }

    [Fact]
    public void On_a_binary_set_it_ranks_held_out_bad_rows_above_good_ones()
    {
        var (x, y) = Binary(1);
        var (testX, testY) = Binary(2);
        var model = new TabularClassifier(new GanCnnRowClassifier(options: Fast), useSmote: false);
        model.Fit(x, y, seed: 3);
        var p = model.PredictProbabilities(testX);
        Assert.All(p, row => Assert.Equal(1, row[0] + row[1], 9));
        var auc = BinaryRanking.Auc(p.Select(r => r[1]).ToArray(), testY.Select(l => l == 1).ToArray());
        Assert.True(auc > 0.8, $"held-out AUC {auc}");
    }

    [Fact]
    public void Three_classes_pass_through_and_a_ragged_row_is_named()
    {
        var (x, y) = SyntheticClasses.Draw(4);
        using var model = new GanCnnRowClassifier(classCount: 3, options: Fast with { Epochs = 2 });
        model.Fit(x, y, seed: 1);
        Assert.All(model.PredictProbabilities(x.Take(5).ToArray()), row => Assert.Equal(3, row.Length));
        var e = Assert.Throws<ArgumentException>(() => model.PredictProbabilities([x[0], x[1][..2]]));
        Assert.Contains("row 1", e.Message);
    }
}
