using StreamRisk.Nlp.Sentiment;

namespace StreamRisk.Nlp.Tests.Sentiment;

public class OnnxAbsaModel_Quantised
{
    [Fact]
    public void The_int8_model_loads_and_stays_close_to_the_float_model()
    {
        using var quantised = OnnxAbsaModel.Load(TestModels.File("absa-graph-int8.manifest.json"));
        var requests = AbsaRequests.Mixed();

        var q = quantised.Score(requests);
        var f = TestModels.AbsaGraph.Score(requests);

        Assert.Equal("streamrisk-test-absa-graph-int8@1", quantised.ModelId);
        for (var i = 0; i < requests.Count; i++)
        {
            Assert.Equal(1.0, q[i].Negative + q[i].Neutral + q[i].Positive, 1e-9);
            // 8-bit weights and activations through two layers: close, but not equal.
            Assert.True(Math.Abs(q[i].Score - f[i].Score) < 0.1, $"request {i}: int8 {q[i].Score} vs float {f[i].Score}");
        }
        Assert.Contains(Enumerable.Range(0, requests.Count), i => q[i].Score != f[i].Score);
    }
}
