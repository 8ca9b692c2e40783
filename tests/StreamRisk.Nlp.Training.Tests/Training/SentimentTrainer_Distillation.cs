using StreamRisk.Nlp.Training.Data;
using StreamRisk.Nlp.Training.Modeling;
using StreamRisk.Nlp.Training.Training;
using StreamRisk.Nlp.Training.Tests.Modeling;

namespace StreamRisk.Nlp.Training.Tests.Training;

/// <summary>With teachers, the model is fitted to their averaged probabilities: it learns the task even when the labels
/// get no weight, its teachers are recorded, and the run stays deterministic for a seed.</summary>
public sealed class SentimentTrainer_Distillation
{
    private static readonly string[] Subjects = ["The bank", "Our supplier", "The airline", "The miner", "The retailer", "The brewer",
        "The insurer", "The utility", "The carmaker", "The shipper", "The builder", "The grocer"];

    internal static List<LabelledText> Rows()
    {
        var rows = new List<LabelledText>();
        var n = 0;
        foreach (var subject in Subjects)
            foreach (var (phrase, label) in new[]
                     {
                         ("beat forecasts and raised its dividend", 2), ("profit jumped to a record", 2), ("was upgraded by analysts", 2),
                         ("missed forecasts and cut its dividend", 0), ("defaulted on its loans", 0), ("was downgraded by analysts", 0),
                         ("named a new finance chief", 1), ("will hold its meeting in May", 1), ("opened an office in Leeds", 1),
                     })
                rows.Add(new LabelledText($"{subject} {phrase}.", label, null, [], n++));
        return rows;
    }

    internal static SentimentTrainingOptions Options(int teachers, double weight) => new()
    {
        Seed = 3, MaxEpochs = 20, Patience = 20, BatchSize = 16, EmbeddingSize = 16, Channels = 16, HiddenSize = 16, Threads = 1,
        Teachers = teachers, DistillationWeight = weight, ValidationFraction = 0.2,
    };

    private static float[] Weights(FirmSentimentNet net) => [.. net.Weights().OrderBy(kv => kv.Key, StringComparer.Ordinal).SelectMany(kv => kv.Value.Values)];

    [Fact]
    public void The_model_learns_from_its_teachers_probabilities_alone()
    {
        var model = SentimentTrainer.Train(Rows(), FirmSentimentOnnxExport_MatchesTorch.Vocab, Options(teachers: 2, weight: 1.0));

        Assert.Equal([4, 5], model.Teachers.Select(t => t.Seed));
        Assert.All(model.Teachers, t => Assert.InRange(t.BestEpoch, 1, 20));
        // Chance is 1/3 on the stratified validation split; the labels had no weight in the model's loss.
        Assert.True(model.ValidationCalibrated.Accuracy >= 0.8, 
            $"validation accuracy {model.ValidationCalibrated.Accuracy}; teachers' {string.Join(", ", model.Teachers.Select(t => t.ValidationAccuracy))}");
    }

    [Fact]
    public void Teachers_change_the_model_and_a_seed_gives_the_same_model_twice()
    {
        var plain = SentimentTrainer.Train(Rows(), FirmSentimentOnnxExport_MatchesTorch.Vocab, Options(teachers: 0, weight: 0.5));
        var distilled = SentimentTrainer.Train(Rows(), FirmSentimentOnnxExport_MatchesTorch.Vocab, Options(teachers: 1, weight: 0.5));
        var again = SentimentTrainer.Train(Rows(), FirmSentimentOnnxExport_MatchesTorch.Vocab, Options(teachers: 1, weight: 0.5));

        Assert.Empty(plain.Teachers);
        Assert.NotEqual(Weights(plain.Net), Weights(distilled.Net));
        Assert.Equal(Weights(distilled.Net), Weights(again.Net));
    }
}
