using StreamRisk.Core.Events;
using StreamRisk.Core.IndustryText;

namespace StreamRisk.Core.Tests.IndustryText;

public class TopicChoice_Combine
{
    private static readonly TopicHit[] Retrieved = [new("a", 0.8), new("b", 0.7), new("c", 0.65)];

    [Fact]
    public void Without_a_model_choice_retrieval_decides_alone() =>
        Assert.Equal(Retrieved, TopicChoice.Combine(Retrieved, [], 0.6));

    [Fact]
    public void Agreed_topics_come_first_then_model_only_topics_at_the_threshold()
    {
        var combined = TopicChoice.Combine(Retrieved, ["z", "b"], 0.6);
        Assert.Equal([new TopicHit("b", 0.7), new TopicHit("z", 0.6)], combined);
    }

    [Fact]
    public void A_model_choice_overrides_retrieved_topics_it_did_not_pick_and_at_most_three_are_kept()
    {
        var combined = TopicChoice.Combine(Retrieved, ["x", "y", "c", "w"], 0.6);
        Assert.Equal(["c", "x", "y"], combined.Select(h => h.TopicId));
    }
}
