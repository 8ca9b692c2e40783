using StreamRisk.Core.Reference;
using StreamRisk.Core.Topics;

namespace StreamRisk.Core.Tests.Topics;

public class TopicRetriever_Retrieve
{
    // Topic definitions are single keywords, so a text's similarity to a topic is its share of that keyword.
    private static readonly Topic[] AxisTopics =
    [
        new("t_oil", "c", "oil", ""), new("t_storm", "c", "storm", ""), new("t_rates", "c", "rates", ""),
        new("t_chips", "c", "chips", ""), new("t_tariff", "c", "tariff", ""),
    ];

    private static TopicRetriever AxisRetriever(TopicRetrievalOptions options)
    {
        var embedder = new KeywordAxisEmbedder("oil", "storm", "rates", "chips", "tariff", "noise");
        // TopicText is "name. definition": the axis embedder sees the name as the keyword.
        var topics = AxisTopics.Select(t => t with { Name = t.Name + " " }).ToArray();
        return new TopicRetriever(topics, embedder, new ExactCosineIndex(), options);
    }

    [Fact]
    public void Only_topics_above_the_threshold_are_kept_best_first()
    {
        var retriever = AxisRetriever(new TopicRetrievalOptions { MinSimilarity = 0.5 });

        // oil x3, storm x2, rates x1: cosines 3/√14 = 0.80, 2/√14 = 0.53, 1/√14 = 0.27.
        var hits = retriever.Retrieve("oil oil oil storm storm rates");

        Assert.Equal(["t_oil", "t_storm"], hits.Select(h => h.TopicId));
        Assert.Equal(3 / Math.Sqrt(14), hits[0].Similarity, 5);
    }

    [Fact]
    public void At_most_max_topics_are_kept()
    {
        var retriever = AxisRetriever(new TopicRetrievalOptions { MinSimilarity = 0.1, MaxTopics = 2 });

        var hits = retriever.Retrieve("oil storm rates chips tariff");

        Assert.Equal(2, hits.Count);
        // Equal similarities: ties go to the smaller id.
        Assert.Equal(["t_chips", "t_oil"], hits.Select(h => h.TopicId));
    }

    [Fact]
    public void Only_the_top_k_neighbours_are_considered()
    {
        var retriever = AxisRetriever(new TopicRetrievalOptions { MinSimilarity = 0.1, MaxTopics = 3, TopK = 1 });

        Assert.Single(retriever.Retrieve("oil oil storm"));
    }

    [Fact]
    public void A_text_about_none_of_the_topics_gets_none()
    {
        var retriever = AxisRetriever(TopicRetrievalOptions.Default);

        Assert.Empty(retriever.Retrieve("noise noise"));
        Assert.Empty(retriever.Retrieve(""));
    }

    [Fact]
    public void The_built_in_retriever_finds_the_topic_of_a_news_text()
    {
        var retriever = TopicRetriever.CreateBuiltIn(TestTopics.All);

        var oil = retriever.Retrieve("Oil prices jumped after OPEC announced new production cuts; Brent crude rose 4%.");
        var storm = retriever.Retrieve("The typhoon flooded the port city and closed the airport; factories were damaged.");
        var unrelated = retriever.Retrieve("The football club signed a new goalkeeper for next season.");

        Assert.Equal("crude_oil", oil[0].TopicId);
        Assert.Equal("typhoon", storm[0].TopicId);
        Assert.Empty(unrelated);
    }
}
