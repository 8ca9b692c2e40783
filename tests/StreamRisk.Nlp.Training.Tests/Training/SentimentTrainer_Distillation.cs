using StreamRisk.Nlp.Training.Modeling;
using StreamRisk.Nlp.Training.Training;
using StreamRisk.Nlp.Training.Tests.Modeling;

namespace StreamRisk.Nlp.Training.Tests.Training;

/// <summary>With teachers, the model is fitted to their averaged probabilities: it learns the task even when the labels
/// get no weight, its teachers are recorded, and the run stays deterministic for a seed.</summary>
public sealed class SentimentTrainer_Distillation
{
    private static SentimentTrainingOptions Options(int teachers, double weight) =>
        TinySentimentSet.Options with { Teachers = teachers, DistillationWeight = weight };

    private static float[] Weights(FirmSentimentNet net) => [.. net.Weights().OrderBy(kv => kv.Key, StringComparer.Ordinal).SelectMany(kv => kv.Value.Values)];

    [Fact]
    public void The_model_learns_from_its_teachers_probabilities_alone()
    {
        var model = SentimentTrainer.Train(TinySentimentSet.Rows(), FirmSentimentOnnxExport_MatchesTorch.Vocab, Options(teachers: 2, weight: 1.0));

        Assert.Equal([4, 5], model.Teachers.Select(t => t.Seed));
        Assert.All(model.Teachers, t => Assert.InRange(t.BestEpoch, 1, 20));
        // Chance is 1/3 on the stratified validation split; the labels had no weight in the model's loss.
        Assert.True(model.ValidationCalibrated.Accuracy >= 0.8, 
            $"validation accuracy {model.ValidationCalibrated.Accuracy}; teachers' {string.Join(", ", model.Teachers.Select(t => t.ValidationAccuracy))}");
    }

    [Fact]
    public void Teachers_change_the_model_and_a_seed_gives_the_same_model_twice()
    {
        var plain = SentimentTrainer.Train(TinySentimentSet.Rows(), FirmSentimentOnnxExport_MatchesTorch.Vocab, Options(teachers: 0, weight: 0.5));
        var distilled = SentimentTrainer.Train(TinySentimentSet.Rows(), FirmSentimentOnnxExport_MatchesTorch.Vocab, Options(teachers: 1, weight: 0.5));
        var again = SentimentTrainer.Train(TinySentimentSet.Rows(), FirmSentimentOnnxExport_MatchesTorch.Vocab, Options(teachers: 1, weight: 0.5));

        Assert.Empty(plain.Teachers);
        Assert.NotEqual(Weights(plain.Net), Weights(distilled.Net));
        Assert.Equal(Weights(distilled.Net), Weights(again.Net));
    }
}
