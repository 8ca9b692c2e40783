using StreamRisk.Nlp.Training.Tests.Modeling;
using StreamRisk.Nlp.Training.Training;

namespace StreamRisk.Nlp.Training.Tests.Training;

public sealed class SentimentTrainer_Divergence
{
    [Fact]
    public void A_loss_that_is_no_longer_finite_stops_training_naming_the_epoch_and_batch()
    {
        // Steps of 1e30 overflow float32 within the first epoch.
        var options = TinySentimentSet.Options with { LearningRate = 1e30 };

        var e = Assert.Throws<TrainingDivergedException>(() => SentimentTrainer.Train(TinySentimentSet.Rows(), FirmSentimentOnnxExport_MatchesTorch.Vocab, options));

        Assert.Matches("the loss of batch [0-9]+ in epoch 1 is", e.Message);
    }
}
