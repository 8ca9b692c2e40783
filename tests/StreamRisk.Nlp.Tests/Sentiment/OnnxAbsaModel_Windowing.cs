using StreamRisk.Core.Sentiment;

namespace StreamRisk.Nlp.Tests.Sentiment;

public class OnnxAbsaModel_Windowing
{
    private static readonly string Filler = string.Join(' ', Enumerable.Repeat("traders watched the curve and said little", 40));

    [Fact]
    public void A_long_text_is_the_average_of_its_mention_windows()
    {
        var text = $"Meridian Holdings rose early. {Filler} Late on, Meridian Holdings gave it back.";
        var both = AbsaRequests.For(text, "MER", "Meridian Holdings");
        Assert.Equal(2, both.Mentions.Count);
        var first = both with { Mentions = [both.Mentions[0]] };
        var second = both with { Mentions = [both.Mentions[1]] };

        var scores = TestModels.AbsaGraph.Score([both, first, second]);

        Assert.Equal((scores[1].Negative + scores[2].Negative) / 2, scores[0].Negative, 1e-9);
        Assert.Equal((scores[1].Positive + scores[2].Positive) / 2, scores[0].Positive, 1e-9);
        Assert.NotEqual(scores[1].Score, scores[2].Score, 1e-6);
    }

    [Fact]
    public void Text_outside_the_mention_window_does_not_change_the_score()
    {
        var before = AbsaRequests.For($"Apex Energy was downgraded. {Filler} The end.", "APX", "Apex Energy");
        var after = AbsaRequests.For($"Apex Energy was downgraded. {Filler} Completely different closing words here.", "APX", "Apex Energy");
        var near = AbsaRequests.For("Apex Energy was upgraded. The end.", "APX", "Apex Energy");
        var nearChanged = AbsaRequests.For("Apex Energy was sued. The end.", "APX", "Apex Energy");

        var s = TestModels.AbsaHeads.Score([before, after, near, nearChanged]);

        Assert.Equal(s[0].Score, s[1].Score, 1e-6);
        Assert.NotEqual(s[2].Score, s[3].Score, 1e-6);
    }
}
