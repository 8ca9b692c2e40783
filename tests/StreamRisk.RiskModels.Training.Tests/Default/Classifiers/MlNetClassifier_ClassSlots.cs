using StreamRisk.RiskModels.Default.Classifiers;
using StreamRisk.RiskModels.Tests.Default.Classifiers;
using StreamRisk.RiskModels.Training.Default.Classifiers;

namespace StreamRisk.RiskModels.Training.Tests.Default.Classifiers;

public sealed class MlNetClassifier_ClassSlots
{
    public static TheoryData<string> Models => ["lightgbm", "fasttree-ova"];

    private static IDefaultClassifier Create(string name) => name == "lightgbm" ? new LightGbmClassifier() : new FastTreeOvaClassifier();

    [Theory]
    [MemberData(nameof(Models))]
    public void Slot_k_is_class_k_whatever_the_row_order(string name)
    {
        // Rows ordered defaulted first: a map built from the rows would give defaulted slot 0.
        var (x, y) = SyntheticClasses.Draw(1);
        var order = Enumerable.Range(0, y.Length).OrderByDescending(i => y[i]).ToArray();
        var model = Create(name);
        model.Fit(order.Select(i => x[i]).ToArray(), order.Select(i => y[i]).ToArray(), seed: 1);
        var p = model.PredictProbabilities(x);
        for (var c = 0; c < 3; c++)
        {
            var rows = Enumerable.Range(0, y.Length).Where(i => y[i] == c).ToArray();
            var mean = Enumerable.Range(0, 3).Select(k => rows.Average(i => p[i][k])).ToArray();
            Assert.Equal(c, Array.IndexOf(mean, mean.Max()));
        }
    }

    [Fact]
    public void Binary_labels_give_two_slots()
    {
        var (x, y) = SyntheticClasses.Draw(1);
        var binary = y.Select(l => l == 2 ? 1 : 0).ToArray();
        var model = new LightGbmClassifier(classCount: 2);
        model.Fit(x, binary, seed: 1);
        Assert.All(model.PredictProbabilities(x), row => Assert.Equal(2, row.Length));
    }
}
