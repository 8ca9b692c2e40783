using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Nlp.Training.Evaluation;

namespace StreamRisk.Nlp.Training.Tests.Evaluation;

public sealed class ClassificationReport_Of
{
    [Fact]
    public void Accuracy_macro_f1_confusion_and_ece_by_hand()
    {
        int[] labels = [0, 0, 1, 2];
        double[][] p = [[0.9, 0.05, 0.05], [0.2, 0.7, 0.1], [0.1, 0.8, 0.1], [0.3, 0.3, 0.4]];
        var r = ClassificationReport.Of(labels, p);
        Assert.Equal(0.75, r.Accuracy, 12);
        Assert.Equal(1, r.Confusion[0, 1]);
        // F1: negative 2/3, neutral 2/3, positive 1.
        Assert.Equal((2.0 / 3 + 2.0 / 3 + 1) / 3, r.MacroF1, 12);
        // Bins (15): 0.9 → bin 13 (correct), 0.7 → bin 10 (wrong), 0.8 → bin 12 (correct), 0.4 → bin 6 (correct).
        var ece = (Math.Abs(0.9 - 1) + Math.Abs(0.7 - 0) + Math.Abs(0.8 - 1) + Math.Abs(0.4 - 1)) / 4;
        Assert.Equal(ece, r.ExpectedCalibrationError, 12);
    }

    [Property(MaxTest = 200)]
    public Property Ece_is_between_zero_and_one_and_zero_when_confidence_matches(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var labels = Enumerable.Range(0, 50).Select(_ => random.Next(3)).ToArray();
        var p = labels.Select(_ => { var a = random.NextDouble(); var b = random.NextDouble() * (1 - a); return new[] { a, b, 1 - a - b }; }).ToArray();
        var r = ClassificationReport.Of(labels, p);
        // A model certain and always right has ECE 0.
        var perfect = ClassificationReport.Of(labels, labels.Select(l => { var v = new double[3]; v[l] = 1; return v; }).ToArray());
        return (r.ExpectedCalibrationError >= 0 && r.ExpectedCalibrationError <= 1 && perfect.ExpectedCalibrationError == 0 && perfect.Accuracy == 1).ToProperty();
    }
}
