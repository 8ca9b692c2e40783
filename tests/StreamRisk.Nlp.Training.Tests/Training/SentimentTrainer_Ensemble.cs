using StreamRisk.Nlp.Training.Tests.Modeling;
using StreamRisk.Nlp.Training.Training;

namespace StreamRisk.Nlp.Training.Tests.Training;

/// <summary>An ensemble's first network is the single model of the same seed; the others have the next seeds and their
/// own validation splits; each is served with its own temperature.</summary>
public sealed class SentimentTrainer_Ensemble
{
    [Fact]
    public void Members_have_consecutive_seeds_the_first_is_the_single_model_and_each_is_served_calibrated()
    {
        var single = SentimentTrainer.Train(TinySentimentSet.Rows(), FirmSentimentOnnxExport_MatchesTorch.Vocab, TinySentimentSet.Options);
        var ensemble = SentimentTrainer.Train(TinySentimentSet.Rows(), FirmSentimentOnnxExport_MatchesTorch.Vocab, TinySentimentSet.Options with { Members = 3 });

        Assert.Empty(single.Members);
        Assert.Equal(1 / single.Temperature, Assert.Single(single.Served).LogitScale);
        Assert.Equal([3, 4, 5], ensemble.Members.Select(m => m.Seed));
        Assert.Equal(single.Net.Weights()["output.bias"].Values, ensemble.Net.Weights()["output.bias"].Values);
        Assert.Equal(3, ensemble.Served.Count);
        Assert.Equal(single.Temperature, ensemble.Members[0].Temperature, 12);
        for (var k = 0; k < 3; k++) Assert.Equal(1 / ensemble.Members[k].Temperature, ensemble.Served[k].LogitScale, 12);
        Assert.True(ensemble.ValidationCalibrated.Accuracy >= 0.8, $"validation accuracy {ensemble.ValidationCalibrated.Accuracy}");
    }
}
