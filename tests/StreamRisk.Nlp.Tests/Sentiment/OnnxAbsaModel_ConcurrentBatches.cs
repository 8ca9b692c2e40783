using StreamRisk.Nlp.Runtime;
using StreamRisk.Nlp.Sentiment;

namespace StreamRisk.Nlp.Tests.Sentiment;

/// <summary>Batches of one call run at once give every request the scores it gets when they run one after another, for
/// both pooling kinds (many small batches, so several run together).</summary>
public sealed class OnnxAbsaModel_ConcurrentBatches
{
    [Theory]
    [InlineData("absa-graph.manifest.json")]
    [InlineData("absa-heads.manifest.json")]
    public void Concurrent_batches_score_as_sequential_ones(string manifest)
    {
        var requests = Enumerable.Repeat(AbsaRequests.Mixed(), 6).SelectMany(r => r).ToArray();
        using var sequential = OnnxAbsaModel.Load(TestModels.File(manifest), new OnnxRuntimeOptions { BatchSize = 2 });
        using var concurrent = OnnxAbsaModel.Load(TestModels.File(manifest), new OnnxRuntimeOptions { BatchSize = 2, ConcurrentBatches = 4 });

        var expected = sequential.Score(requests);
        for (var repeat = 0; repeat < 3; repeat++)
        {
            var actual = concurrent.Score(requests);
            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Negative, actual[i].Negative, 1e-6);
                Assert.Equal(expected[i].Neutral, actual[i].Neutral, 1e-6);
                Assert.Equal(expected[i].Positive, actual[i].Positive, 1e-6);
            }
        }
        // Requests of one text and several issuers differ, so a mix-up between requests would show above.
        Assert.True(expected.Select(p => p.Score).Distinct().Count() > AbsaRequests.Mixed().Count / 2);
    }

    [Fact]
    public void Fewer_than_one_concurrent_batch_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            OnnxAbsaModel.Load(TestModels.File("absa-graph.manifest.json"), new OnnxRuntimeOptions { ConcurrentBatches = 0 }));
    }
}
