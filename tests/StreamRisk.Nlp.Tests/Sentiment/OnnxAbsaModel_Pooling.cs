using Microsoft.ML.OnnxRuntime;
using StreamRisk.Nlp.Manifests;
using StreamRisk.Nlp.Runtime;

namespace StreamRisk.Nlp.Tests.Sentiment;

public class OnnxAbsaModel_Pooling
{
    [Fact]
    public void Head_weights_applied_in_csharp_match_the_head_inside_the_graph()
    {
        // Both test models share their weights: one pools + classifies in the graph, one exports the head.
        var requests = AbsaRequests.Mixed();

        var inGraph = TestModels.AbsaGraph.Score(requests);
        var inCode = TestModels.AbsaHeads.Score(requests);

        for (var i = 0; i < requests.Count; i++)
        {
            Assert.Equal(inGraph[i].Negative, inCode[i].Negative, 1e-4);
            Assert.Equal(inGraph[i].Positive, inCode[i].Positive, 1e-4);
        }
    }

    [Fact]
    public void Labels_are_mapped_by_name_not_position()
    {
        // The test model lists [positive, negative, neutral], FinBERT's order.
        var request = AbsaRequests.For("Apex Energy defaulted.", "APX", "Apex Energy");
        using var session = EncoderSession.Open(TestModels.File("absa-graph.manifest.json"), ModelTasks.AspectSentiment);
        var tokens = session.Tokenizer.Encode(request.Text);
        var batch = new EncoderBatch(1, tokens.Count + 2, withAspectMask: true, session.Tokenizer.PaddingId);
        batch.SetRow(0, tokens.Ids, session.Tokenizer.ClassificationId, session.Tokenizer.SeparatorId);
        batch.MarkAspect(0, 1, 3);
        using var outputs = session.Run(batch, ["logits"]);
        var raw = new double[3];
        Softmax.Apply(outputs.First().GetTensorDataAsSpan<float>(), raw);

        var scored = TestModels.AbsaGraph.Score([request])[0];

        Assert.Equal(raw[0], scored.Positive, 1e-6);
        Assert.Equal(raw[1], scored.Negative, 1e-6);
        Assert.Equal(raw[2], scored.Neutral, 1e-6);
    }
}
