using StreamRisk.Nlp.Entities;

namespace StreamRisk.Nlp.Tests.Entities;

public class IssuerNameLinker_Link
{
    private readonly IssuerNameLinker _linker = new(TestIssuers.Universe);

    [Theory]
    [InlineData("Meridian Holdings", "MER")]
    [InlineData("ZENITH TRADING", "ZEN")]
    [InlineData("Zenith Tradng", "ZEN")]
    [InlineData("Apex Energy", "APX")]
    public void Near_names_link_to_their_issuer(string surface, string issuer)
    {
        var text = $"News: {surface} today";

        var mention = _linker.Link(text, 6, 6 + surface.Length);

        Assert.NotNull(mention);
        Assert.Equal(issuer, mention.IssuerId);
        Assert.Equal(surface, mention.Surface);
        Assert.InRange(mention.Similarity, 0.8, 1.0);
    }

    [Theory]
    [InlineData("bank")]
    [InlineData("Morgan Stanley")]
    [InlineData("Quartz Mining")]
    public void Names_below_the_threshold_are_not_linked(string surface)
    {
        Assert.Null(_linker.Link(surface, 0, surface.Length));
    }

    [Fact]
    public void A_stricter_threshold_drops_the_fuzzy_match()
    {
        var strict = new IssuerNameLinker(TestIssuers.Universe, threshold: 0.99);

        Assert.Null(strict.Link("Zenith Tradng", 0, 13));
        Assert.NotNull(strict.Link("Zenith Trading", 0, 14));
    }
}
