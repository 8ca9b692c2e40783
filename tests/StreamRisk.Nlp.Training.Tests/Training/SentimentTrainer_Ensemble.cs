using StreamRisk.Nlp.Training.Data;
using StreamRisk.Nlp.Training.Synthetic;
using StreamRisk.Nlp.Training.Tests.Modeling;
using StreamRisk.Nlp.Training.Training;

namespace StreamRisk.Nlp.Training.Tests.Training;

/// <summary>Each network of an ensemble is the model trained alone with its seed (the first with the ensemble's seed, the
/// others with the next seeds): its own generated rows, validation split, vocabulary and temperature.</summary>
public sealed class SentimentTrainer_Ensemble
{
    // A word seen 10 times in a split's training rows gets a row (the set has each phrase 12 times), so vocabularies differ by split.
    private static readonly SentimentTrainingOptions Options = TinySentimentSet.Options with { MinTokenCount = 10 };

    private static IReadOnlyList<LabelledText> Generated(int seed) => new AspectSentenceGenerator(seed).Generate(30);

    private static TrainedSentimentModel Train(SentimentTrainingOptions options) =>
        SentimentTrainer.Train(TinySentimentSet.Rows(), FirmSentimentOnnxExport_MatchesTorch.Vocab, options, rowsOfSeed: Generated);

    [Fact]
    public void Every_member_is_the_model_trained_alone_with_its_seed_and_is_served_calibrated()
    {
        var ensemble = Train(Options with { Members = 3 });

        Assert.Equal([3, 4, 5], ensemble.Members.Select(m => m.Seed));
        Assert.Equal(3, ensemble.Served.Count);
        for (var k = 0; k < 3; k++)
        {
            var alone = Train(Options with { Seed = Options.Seed + k });
            var member = ensemble.Served[k];
            Assert.Equal(alone.Net.Weights()["output.bias"].Values, member.Net.Weights()["output.bias"].Values);
            Assert.Equal(alone.Vocabulary.Rows, member.Vocabulary.Rows);
            Assert.Equal(member.Vocabulary.Count, member.Net.Shape.VocabularyRows);
            Assert.Equal(alone.Temperature, ensemble.Members[k].Temperature, 12);
            Assert.Equal(1 / alone.Temperature, member.LogitScale, 12);
        }
        Assert.NotEqual(ensemble.Served[0].Vocabulary.Rows, ensemble.Served[1].Vocabulary.Rows);
        Assert.True(ensemble.ValidationCalibrated.Accuracy >= 0.8, $"validation accuracy {ensemble.ValidationCalibrated.Accuracy}");
    }

    [Fact]
    public void A_single_network_serves_itself_with_its_temperature()
    {
        var single = Train(Options);
        Assert.Empty(single.Members);
        var served = Assert.Single(single.Served);
        Assert.Same(single.Net, served.Net);
        Assert.Same(single.Vocabulary, served.Vocabulary);
        Assert.Equal(1 / single.Temperature, served.LogitScale);
    }
}
