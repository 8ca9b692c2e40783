using StreamRisk.Core.Events;
using StreamRisk.RiskModels.Default;

namespace StreamRisk.RiskModels.Tests.Default;

[Collection(SimulatedFolderCollection.Name)]
public sealed class DefaultExampleBuilder_NoLookAhead(SimulatedFolder folder)
{
    [Theory]
    [InlineData("2001-12-31")]
    [InlineData("2002-09-30")]
    [InlineData("2003-06-30")]
    public void An_example_is_the_same_when_everything_published_after_its_origin_is_removed(string originText)
    {
        var origin = DateOnly.Parse(originText);
        var cutoff = new DateTimeOffset(origin.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var market = DefaultMarketFiles.Read(folder.Directory);
        // The outcomes stay (they are the labels); every statement and text published after the origin goes.
        var known = market with
        {
            Statements = market.Statements.Where(s => s.PublishedAt < cutoff).ToList(),
            Disclosures = market.Disclosures.Where(d => d.PublishedAt < cutoff).ToList(),
        };
        Assert.True(known.Statements.Count < market.Statements.Count);
        Assert.True(known.Disclosures.Count < market.Disclosures.Count);

        var full = DefaultExampleBuilder.Build(market, DefaultDatasetOptions.Default, DisclosureChapters.CreateEmbedder()).Where(e => e.Origin == origin).ToList();
        var cut = DefaultExampleBuilder.Build(known, DefaultDatasetOptions.Default, DisclosureChapters.CreateEmbedder()).Where(e => e.Origin == origin).ToList();

        Assert.True(full.Count > 50, $"{full.Count} examples at {origin}");
        Assert.Equal(full.Select(e => (e.IssuerId, e.Label)), cut.Select(e => (e.IssuerId, e.Label)));
        for (var i = 0; i < full.Count; i++)
        {
            Assert.Equal(full[i].Quarters.Count, cut[i].Quarters.Count);
            for (var q = 0; q < full[i].Quarters.Count; q++)
            {
                var a = full[i].Quarters[q];
                var b = cut[i].Quarters[q];
                Assert.True(a.PublishedAt < cutoff);
                Assert.Equal((a.PeriodEnd, a.PublishedAt, a.MonthsSincePrevious), (b.PeriodEnd, b.PublishedAt, b.MonthsSincePrevious));
                Assert.Equal(a.Financial, b.Financial);
                Assert.Equal(a.Macro, b.Macro);
                for (var c = 0; c < a.Chapters.Length; c++) Assert.Equal(a.Chapters[c], b.Chapters[c]);
            }
        }
    }

    [Fact]
    public void A_simulated_folder_gives_all_three_classes_and_every_statement_is_known_by_its_origin()
    {
        var dataset = DefaultDataset.Load(folder.Directory);
        Assert.All(dataset.All, e => Assert.All(e.Quarters, q => Assert.True(DateOnly.FromDateTime(q.PublishedAt.UtcDateTime) <= e.Origin)));
        Assert.All(dataset.All, e => Assert.Equal(e.Quarters.OrderBy(q => q.PeriodEnd).Select(q => q.PeriodEnd), e.Quarters.Select(q => q.PeriodEnd)));
        Assert.All(dataset.All, e => Assert.InRange(e.Quarters.Count, 1, 8));
        var labels = dataset.All.GroupBy(e => e.Label).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(labels.GetValueOrDefault(RiskClass.Extended) > 0 && labels.GetValueOrDefault(RiskClass.Defaulted) > 0, string.Join(", ", labels));
        Assert.Equal(["macro_factor"], dataset.MacroNames);
        Assert.Equal(33, dataset.Features.Count);
        Assert.Contains(dataset.All, e => e.Quarters.Any(q => q.Chapters[0] is not null)); // risk factors
        Assert.Contains(dataset.All, e => e.Quarters.Any(q => q.Chapters[1] is not null)); // important notices
        Assert.Equal(DisclosureChapters.EmbeddingDimension, dataset.EmbeddingDimension);
    }
}
