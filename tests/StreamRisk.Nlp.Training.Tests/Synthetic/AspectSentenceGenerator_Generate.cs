using StreamRisk.Nlp.Training.Synthetic;

namespace StreamRisk.Nlp.Training.Tests.Synthetic;

public sealed class AspectSentenceGenerator_Generate
{
    [Fact]
    public void Same_seed_same_rows_every_issuer_mentioned_and_tones_mixed_within_sentences()
    {
        var a = new AspectSentenceGenerator(7).Generate(2000);
        var b = new AspectSentenceGenerator(7).Generate(2000);
        Assert.Equal(a.Select(r => (r.Text, r.Issuer, r.Label)), b.Select(r => (r.Text, r.Issuer, r.Label)));
        Assert.All(a, r => Assert.NotEmpty(r.Mentions));
        Assert.DoesNotContain(a, r => r.Text.Contains('{'));
        var sentences = a.GroupBy(r => r.Text).ToList();
        // Opposite or different tones for different issuers of one sentence are the point of the data.
        Assert.True(sentences.Count(g => g.Select(r => r.Label).Distinct().Count() > 1) > 500);
        Assert.Equal(3, a.Select(r => r.Label).Distinct().Count());
    }
}
