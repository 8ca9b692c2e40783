using StreamRisk.Core.Events;
using StreamRisk.RiskModels.Default;

namespace StreamRisk.RiskModels.Tests.Default;

public class LiveDefaultInputs_KeepsDisclosures
{
    private static NewsDocument Document(string id, string source, string headline, string body, string published = "2024-04-01") =>
        new(id, source, DateTimeOffset.Parse(published + "T09:00:00Z"), headline, body, "en", "h-" + id, 1);

    private static Fundamentals Statement(string periodEnd, string published) =>
        new("ISS1", DateOnly.Parse(periodEnd), DateTimeOffset.Parse(published + "T08:00:00Z"), new Dictionary<string, double>());

    [Fact]
    public void OnlyIssuerDisclosuresOfAKnownChapter_AreKept_OncePerDocument()
    {
        var inputs = new LiveDefaultInputs(MacroTable.None, DisclosureChapters.CreateEmbedder());
        Assert.True(inputs.Add(Document("d1", DisclosureChapters.DisclosureSource, "Important notice - Issuer One", "Important notice. Payment deferred."), ["ISS1"]));
        Assert.False(inputs.Add(Document("d1", DisclosureChapters.DisclosureSource, "Important notice - Issuer One", "Important notice. Payment deferred."), ["ISS1"]));
        Assert.False(inputs.Add(Document("n1", "newswire", "Important notice from a columnist", "Important notice. Markets fell."), ["ISS1"]));
        Assert.False(inputs.Add(Document("d2", DisclosureChapters.DisclosureSource, "Issuer One appoints a CFO", "Issuer One appointed a new CFO."), ["ISS1"]));

        inputs.Add(Statement("2023-12-31", "2024-03-20"));
        var example = inputs.ExampleAt("ISS1", "IND1", new DateOnly(2024, 4, 2), new Scorer());
        var quarter = Assert.Single(example.Quarters);
        Assert.Null(quarter.Chapters[0]);
        Assert.NotNull(quarter.Chapters[1]);
        Assert.Equal(DisclosureChapters.EmbeddingDimension, quarter.Chapters[1]!.Length);
        Assert.Equal(["gdp"], [.. new Scorer().MacroNames]);
        Assert.True(double.IsNaN(quarter.Macro[0])); // no macro table: the model's training mean
    }

    [Fact]
    public void ADisclosureNamingTwoIssuers_IsReadForBoth_AndNotForAThird()
    {
        var inputs = new LiveDefaultInputs(MacroTable.None, DisclosureChapters.CreateEmbedder());
        inputs.Add(Document("d1", DisclosureChapters.DisclosureSource, "Risk factors", "Risk factors. Our guarantor…"), ["ISS1", "ISS2", "ISS1"]);
        foreach (var issuer in new[] { "ISS1", "ISS2", "ISS3" })
        {
            inputs.Add(Statement("2024-03-31", "2024-04-15") with { IssuerId = issuer });
        }
        var day = new DateOnly(2024, 4, 20);
        Assert.NotNull(inputs.ExampleAt("ISS1", "", day, new Scorer()).Quarters[0].Chapters[0]);
        Assert.NotNull(inputs.ExampleAt("ISS2", "", day, new Scorer()).Quarters[0].Chapters[0]);
        Assert.Null(inputs.ExampleAt("ISS3", "", day, new Scorer()).Quarters[0].Chapters[0]);
    }

    private sealed class Scorer : IDefaultClassScorer
    {
        public string Version => "test@1";
        public int Steps => 4;
        public IReadOnlyList<string> MacroNames => ["gdp"];
        public ClassModelScore Score(DefaultExample example) => throw new NotSupportedException();
    }
}
