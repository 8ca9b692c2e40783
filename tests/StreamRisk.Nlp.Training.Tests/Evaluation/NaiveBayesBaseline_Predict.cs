using StreamRisk.Nlp.Training.Data;
using StreamRisk.Nlp.Training.Evaluation;

namespace StreamRisk.Nlp.Training.Tests.Evaluation;

public sealed class NaiveBayesBaseline_Predict
{
    [Fact]
    public void Learns_words_and_bigrams_of_each_class()
    {
        LabelledText Row(string text, int label) => new(text, label, null, [], 0);
        var nb = NaiveBayesBaseline.Train(
        [
            Row("profit warning hits shares", 0), Row("shares slump on profit warning", 0),
            Row("record profit lifts shares", 2), Row("shares jump on record profit", 2),
            Row("annual meeting set for May", 1), Row("meeting date set", 1),
        ]);
        var p = nb.Predict("another profit warning");
        Assert.Equal(0, ClassificationReport.ArgMax(p));
        Assert.Equal(1, p.Sum(), 9);
        Assert.Equal(2, ClassificationReport.ArgMax(nb.Predict("record profit again")));
    }
}
