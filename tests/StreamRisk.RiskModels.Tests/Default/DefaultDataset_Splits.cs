using StreamRisk.Core.Events;
using StreamRisk.RiskModels.Data;
using StreamRisk.RiskModels.Default;
using static StreamRisk.RiskModels.Tests.Default.DefaultMarkets;

namespace StreamRisk.RiskModels.Tests.Default;

public sealed class DefaultDataset_Splits
{
    private static DefaultMarket TenYears(int issuers = 300)
    {
        var ids = Enumerable.Range(0, issuers).Select(i => $"I{i:000}").ToList();
        var last = new DateOnly(2010, 12, 31);
        var changes = ids.Where((_, i) => i % 10 == 0).Select((id, k) => new ClassChange(id, k % 2 == 0 ? RiskClass.Extended : RiskClass.Defaulted,
            new DateOnly(2002 + k % 8, 1 + k % 12, 15)));
        return Market(10, ids, ids.SelectMany(id => Quarterly(id, last)), changes: changes);
    }

    [Fact]
    public void Parts_share_no_issuer_and_no_label_window_reaches_the_next_part()
    {
        var dataset = DefaultDataset.Build(TenYears(), embedder: new OneHotEmbedder());
        Assert.NotEmpty(dataset.Train);
        Assert.NotEmpty(dataset.Validation);
        Assert.NotEmpty(dataset.Test);
        var issuers = new[] { SplitPart.Train, SplitPart.Validation, SplitPart.Test }
            .Select(p => dataset.Part(p).Select(e => e.IssuerId).ToHashSet()).ToArray();
        Assert.Empty(issuers[0].Intersect(issuers[1]));
        Assert.Empty(issuers[0].Intersect(issuers[2]));
        Assert.Empty(issuers[1].Intersect(issuers[2]));

        Assert.True(dataset.ValidationStart < dataset.TestStart);
        Assert.All(dataset.Train, e => Assert.True(QuarterCalendar.AddQuarters(e.Origin, 6) < dataset.ValidationStart));
        Assert.All(dataset.Validation, e =>
        {
            Assert.True(e.Origin >= dataset.ValidationStart);
            Assert.True(QuarterCalendar.AddQuarters(e.Origin, 6) < dataset.TestStart);
        });
        Assert.All(dataset.Test, e => Assert.True(e.Origin >= dataset.TestStart));
        Assert.All(dataset.Test, e => Assert.True(QuarterCalendar.AddQuarters(e.Origin, 6) <= dataset.EndDay));
    }

    [Fact]
    public void Issuers_are_hashed_about_70_15_15_stably_and_the_seed_reshuffles_them()
    {
        var market = TenYears(1000);
        var a = DefaultDataset.Build(market, embedder: new OneHotEmbedder());
        var b = DefaultDataset.Build(market, embedder: new OneHotEmbedder());
        var other = DefaultDataset.Build(market, DefaultDatasetOptions.Default with { SplitSeed = 5 }, new OneHotEmbedder());
        var parts = market.Issuers.Select(i => a.IssuerPart(i.IssuerId)).ToList();
        Assert.Equal(parts, market.Issuers.Select(i => b.IssuerPart(i.IssuerId)));
        Assert.InRange(parts.Count(p => p == SplitPart.Train), 650, 750);
        Assert.InRange(parts.Count(p => p == SplitPart.Test), 110, 190);
        Assert.NotEqual(parts, market.Issuers.Select(i => other.IssuerPart(i.IssuerId)));
        Assert.Equal(a.Sha256(), b.Sha256());
        Assert.NotEqual(a.Sha256(), other.Sha256());
    }

    [Fact]
    public void The_hash_follows_the_values_and_the_summary_counts_classes_per_part()
    {
        var market = TenYears();
        var dataset = DefaultDataset.Build(market, embedder: new OneHotEmbedder());
        var changed = market with { Statements = market.Statements.Select((s, i) => i == 5 ? s with { Indicators = s.Indicators.ToDictionary(kv => kv.Key, kv => kv.Value + 1) } : s).ToList() };
        Assert.NotEqual(dataset.Sha256(), DefaultDataset.Build(changed, embedder: new OneHotEmbedder()).Sha256());

        var counts = dataset.ClassCounts(SplitPart.Train);
        Assert.Equal(dataset.Train.Count, counts.Sum());
        Assert.Equal(dataset.Train.Count(e => e.Label == RiskClass.Extended), counts[1]);
        Assert.Contains($"performing {counts[0]}, extended {counts[1]}, defaulted {counts[2]}", dataset.Summary());
    }

    [Fact]
    public void A_market_too_short_to_split_in_time_is_refused_with_the_reason()
    {
        var market = Market(3, ["A"], Quarterly("A", new DateOnly(2003, 12, 31)));
        var ex = Assert.Throws<ArgumentException>(() => DefaultDataset.Build(market, embedder: new OneHotEmbedder()));
        Assert.Contains("labelled origins", ex.Message);
    }
}
