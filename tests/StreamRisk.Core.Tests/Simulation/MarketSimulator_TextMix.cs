using StreamRisk.Core.Simulation;

namespace StreamRisk.Core.Tests.Simulation;

[Collection(SimulatedMarketCollection.Name)]
public sealed class MarketSimulator_TextMix(SimulatedMarket market)
{
    private static readonly TextKind[] Primary = [TextKind.Single, TextKind.Pair, TextKind.Industry, TextKind.Rumour, TextKind.Noise];

    [Fact]
    public void Pair_industry_and_noise_shares_match_the_options()
    {
        var primary = market.Events.OfType<NewsArrived>().Where(a => Primary.Contains(a.Truth[0].Kind)).ToList();
        double Share(TextKind kind) => primary.Count(a => a.Truth[0].Kind == kind) / (double)primary.Count;
        Assert.InRange(Share(TextKind.Pair), market.Options.PairShare - 0.02, market.Options.PairShare + 0.02);
        Assert.InRange(Share(TextKind.Industry), market.Options.IndustryShare - 0.02, market.Options.IndustryShare + 0.02);
        Assert.InRange(Share(TextKind.Noise), market.Options.NoiseShare - 0.015, market.Options.NoiseShare + 0.015);
        Assert.InRange(Share(TextKind.Rumour), market.Options.RumourShare - 0.01, market.Options.RumourShare + 0.01);
    }

    [Fact]
    public void Pair_texts_name_both_issuers_with_opposite_tone()
    {
        var issuers = market.Simulator.Issuers.ToDictionary(i => i.IssuerId);
        var pairs = market.Events.OfType<NewsArrived>().Where(a => a.Truth[0].Kind == TextKind.Pair).ToList();
        Assert.NotEmpty(pairs);
        foreach (var pair in pairs)
        {
            Assert.Equal(2, pair.Truth.Count);
            Assert.Equal(0, pair.Truth[0].Polarity + pair.Truth[1].Polarity);
            Assert.NotEqual(0, pair.Truth[0].Polarity);
            foreach (var truth in pair.Truth)
            {
                var issuer = issuers[truth.IssuerId!];
                Assert.True(pair.News.Body.Contains(issuer.Aliases[0], StringComparison.Ordinal), $"{issuer.Aliases[0]} missing from: {pair.News.Body}");
            }
        }
    }

    [Fact]
    public void Industry_texts_name_one_topic_and_no_issuer()
    {
        var names = market.Simulator.Issuers.SelectMany(i => i.Aliases.Take(1).Concat(i.Tickers)).ToList();
        var industryTexts = market.Events.OfType<NewsArrived>().Where(a => a.Truth[0].Kind == TextKind.Industry).ToList();
        Assert.NotEmpty(industryTexts);
        foreach (var text in industryTexts.Take(400))
        {
            var truth = Assert.Single(text.Truth);
            Assert.Null(truth.IssuerId);
            Assert.NotNull(truth.IndustryId);
            var topic = SimulatedMarket.Topics.Single(t => t.TopicId == truth.TopicId);
            Assert.Contains(topic.Name.ToLowerInvariant(), text.News.Body, StringComparison.Ordinal);
            var words = (text.News.Headline + " " + text.News.Body).Split([' ', '.', ',', ':', ';', '"'], StringSplitOptions.RemoveEmptyEntries).ToHashSet();
            Assert.DoesNotContain(names, words.Contains);
        }
    }

    [Fact]
    public void Late_texts_arrive_after_later_texts_with_their_earlier_publication_time()
    {
        var news = market.Events.OfType<NewsArrived>().ToList();
        for (var i = 1; i < news.Count; i++) Assert.True(news[i].Day >= news[i - 1].Day, "arrivals must be in day order");
        var late = news.Where(a => a.Truth[0].Late && a.Truth[0].Kind != TextKind.Duplicate).ToList();
        var share = late.Count / (double)news.Count(a => Primary.Contains(a.Truth[0].Kind));
        Assert.InRange(share, market.Options.LateShare * 0.7, market.Options.LateShare * 1.3);
        Assert.All(late, a => Assert.True(DateOnly.FromDateTime(a.News.PublishedAt.UtcDateTime).AddDays(2) <= a.Day));
    }

    [Fact]
    public void Duplicates_repeat_an_earlier_text_under_a_new_id()
    {
        var news = market.Events.OfType<NewsArrived>().ToList();
        var byId = news.ToDictionary(a => a.News.DocId);
        var copies = news.Where(a => a.Truth[0].Kind == TextKind.Duplicate).ToList();
        Assert.NotEmpty(copies);
        Assert.Contains(copies, c => c.News.Body == byId[c.Truth[0].OriginalDocId!].News.Body);
        Assert.Contains(copies, c => c.News.Body != byId[c.Truth[0].OriginalDocId!].News.Body);
        Assert.All(copies, c => Assert.Equal(byId[c.Truth[0].OriginalDocId!].Truth.Select(t => t.Polarity), c.Truth.Select(t => t.Polarity)));
    }

    [Fact]
    public void Wording_varies_beyond_a_few_templates()
    {
        var singles = market.Events.OfType<NewsArrived>().Where(a => a.Truth[0].Kind == TextKind.Single).Take(5_000).ToList();
        var headlines = singles.Select(a => a.News.Headline).Distinct().Count();
        var vocabulary = singles.SelectMany(a => a.News.Body.Split(' ')).Select(w => w.Trim('.', ',', '"').ToLowerInvariant()).Distinct().Count();
        Assert.True(headlines > 1_000, $"{headlines} distinct headlines");
        Assert.True(vocabulary > 600, $"{vocabulary} distinct words");
    }
}
