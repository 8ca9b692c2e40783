using StreamRisk.RiskModels.Default;

namespace StreamRisk.RiskModels.Tests.Default;

public class DisclosureChapters_FromTheText
{
    [Theory]
    [InlineData("Acme Corp: risk factors", "Risk factors. An investment in the notes…", 0)]
    [InlineData("Important notice - Acme Corp", "Important notice. Acme Corp will not publish…", 1)]
    [InlineData(null, "IMPORTANT NOTICE. Acme Corp did not make the payment due…", 1)]
    [InlineData("Acme wins a contract", "Acme Corp said on Monday it won a contract.", null)]
    public void TheChapter_IsReadFromTheHeadingOrTheOpeningOfTheBody(string? headline, string body, int? chapter) =>
        Assert.Equal(chapter, DisclosureChapters.Of(headline, body));

    [Fact]
    public void TheEmbedder_HasNoState_SoTwoInstancesEmbedAlike()
    {
        var text = "Important notice. Acme Corp announces that the payment of principal is deferred.";
        var a = DisclosureChapters.CreateEmbedder();
        var b = DisclosureChapters.CreateEmbedder();
        Assert.Equal(DisclosureChapters.EmbeddingDimension, a.Dimension);
        Assert.Equal(a.Embed(text), b.Embed(text));
        Assert.Contains(a.Embed(text), v => v != 0);
    }
}
