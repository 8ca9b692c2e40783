using StreamRisk.RiskModels.Default.Classifiers;

namespace StreamRisk.RiskModels.Tests.Default.Classifiers;

public sealed class TabularClassifier_Smote
{
    /// <summary>Records what it was given.</summary>
    private sealed class Recorder : IValidatedClassifier
    {
        public IReadOnlyList<double[]> Train = [];
        public IReadOnlyList<int> TrainLabels = [];
        public IReadOnlyList<double[]> Validation = [];
        public string Name => "recorder";
        public int ClassCount => 3;
        public void Fit(IReadOnlyList<double[]> features, IReadOnlyList<int> labels, int seed) => throw new InvalidOperationException("the validated overload must be used");
        public void Fit(IReadOnlyList<double[]> features, IReadOnlyList<int> labels, IReadOnlyList<double[]> validationFeatures, IReadOnlyList<int> validationLabels, int seed)
        {
            Train = features;
            TrainLabels = labels;
            Validation = validationFeatures;
        }
        public double[][] PredictProbabilities(IReadOnlyList<double[]> features) => throw new NotSupportedException();
    }

    [Fact]
    public void Smote_balances_the_fit_part_and_the_validation_part_holds_only_real_rows()
    {
        var (x, y) = SyntheticClasses.Draw(9);
        var recorder = new Recorder();
        var model = new TabularClassifier(recorder, useSmote: true);
        model.Fit(x, y, seed: 2);
        var counts = Enumerable.Range(0, 3).Select(c => recorder.TrainLabels.Count(l => l == c)).ToArray();
        Assert.Equal(counts[0], counts[1]);
        Assert.Equal(counts[0], counts[2]);
        var real = x.Select(r => string.Join(",", TabularStandardiserRow(model, r))).ToHashSet();
        Assert.All(recorder.Validation, r => Assert.Contains(string.Join(",", r), real));
        // Stratified 20 %: 48 + 12 + 6 of 240 + 60 + 30.
        Assert.Equal(66, recorder.Validation.Count);
        Assert.Equal("recorder + SMOTE", model.Name);
    }

    [Fact]
    public void Without_smote_the_model_sees_the_real_rows_only()
    {
        var (x, y) = SyntheticClasses.Draw(9);
        var recorder = new Recorder();
        new TabularClassifier(recorder, useSmote: false).Fit(x, y, seed: 2);
        Assert.Equal(x.Length - 66, recorder.Train.Count);
    }

    private static double[] TabularStandardiserRow(TabularClassifier model, double[] row) => TabularStandardiser.Apply(model.Normalisation, row);
}
