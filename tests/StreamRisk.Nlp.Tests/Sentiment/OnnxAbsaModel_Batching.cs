namespace StreamRisk.Nlp.Tests.Sentiment;

public class OnnxAbsaModel_Batching
{
    [Fact]
    public void Batched_scores_equal_one_by_one_scores()
    {
        var requests = AbsaRequests.Mixed();

        var batched = TestModels.AbsaGraph.Score(requests);
        var single = requests.Select(r => TestModels.AbsaGraph.Score([r])[0]).ToArray();

        Assert.Equal(requests.Count, batched.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            Assert.Equal(single[i].Negative, batched[i].Negative, 1e-5);
            Assert.Equal(single[i].Neutral, batched[i].Neutral, 1e-5);
            Assert.Equal(single[i].Positive, batched[i].Positive, 1e-5);
        }
    }

    [Fact]
    public void Results_follow_request_order_whatever_the_length_buckets()
    {
        var requests = AbsaRequests.Mixed();

        var forward = TestModels.AbsaHeads.Score(requests);
        var backward = TestModels.AbsaHeads.Score(requests.Reverse().ToArray());

        for (var i = 0; i < requests.Count; i++)
            Assert.Equal(forward[i].Score, backward[requests.Count - 1 - i].Score, 1e-5);
    }

    [Fact]
    public void Probabilities_are_a_distribution_and_differ_between_aspects()
    {
        var results = TestModels.AbsaGraph.Score(AbsaRequests.Mixed());

        Assert.All(results, p => Assert.Equal(1.0, p.Negative + p.Neutral + p.Positive, 1e-9));
        Assert.All(results, p => Assert.True(p.Negative > 0 && p.Neutral > 0 && p.Positive > 0));
        // Same text, two issuers: the pooled mention differs, so must the result.
        Assert.NotEqual(results[1].Score, results[2].Score, 1e-6);
    }

    [Fact]
    public void No_request_gives_no_result()
    {
        Assert.Empty(TestModels.AbsaGraph.Score([]));
    }
}
