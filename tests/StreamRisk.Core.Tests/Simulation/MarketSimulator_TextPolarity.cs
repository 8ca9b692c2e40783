using StreamRisk.Core.Simulation;

namespace StreamRisk.Core.Tests.Simulation;

[Collection(SimulatedMarketCollection.Name)]
public sealed class MarketSimulator_TextPolarity(SimulatedMarket market)
{
    [Fact]
    public void Single_issuer_tone_follows_the_direction_of_the_recent_latent_move()
    {
        // Rebuild each issuer's latent path from the ground-truth rows, independently of the simulator's internals.
        var paths = market.Events.OfType<LatentObserved>().GroupBy(l => l.IssuerId)
            .ToDictionary(g => g.Key, g => g.OrderBy(l => l.Day).ToList());
        int agree = 0, judged = 0;
        foreach (var arrived in market.Events.OfType<NewsArrived>())
        {
            var truth = arrived.Truth[0];
            if (truth.Kind != TextKind.Single || truth.IssuerId is null) continue;
            var path = paths[truth.IssuerId];
            var published = DateOnly.FromDateTime(arrived.News.PublishedAt.UtcDateTime);
            var j = path.FindLastIndex(l => l.Day <= published);
            if (j < TextTone.LagTradingDays + TextTone.WindowTradingDays) continue;
            var change = path[j - TextTone.LagTradingDays].LatentCredit - path[j - TextTone.LagTradingDays - TextTone.WindowTradingDays].LatentCredit;
            if (Math.Abs(change) < 0.06) continue; // clear moves only: rounding cannot flip them
            judged++;
            if (Math.Sign(change) == truth.Polarity) agree++;
        }

        Assert.True(judged > 1_000, $"only {judged} texts judged");
        Assert.True(agree / (double)judged > 0.9, $"{agree} of {judged} agree");
        Assert.True(agree < judged, "some texts misread the move, as configured");
    }

    [Fact]
    public void Texts_are_more_frequent_when_latent_credit_moves_a_lot()
    {
        var singles = market.Events.OfType<NewsArrived>().Where(a => a.Truth[0].Kind == TextKind.Single).ToList();
        var moving = singles.Count(a => a.Truth[0].Polarity != 0);
        var quiet = singles.Count - moving;
        // Neutral band covers roughly a third of ten-day moves; volume weighting shifts texts towards moving issuers.
        Assert.True(moving > 2 * quiet, $"{moving} texts on moving issuers vs {quiet} on quiet ones");
    }

    [Fact]
    public void Rumours_are_denied_later_with_the_opposite_tone()
    {
        var news = market.Events.OfType<NewsArrived>().ToList();
        var rumours = news.Where(a => a.Truth[0].Kind == TextKind.Rumour).ToDictionary(a => a.News.DocId);
        var denials = news.Where(a => a.Truth[0].Kind == TextKind.RumourDenial).ToList();
        Assert.NotEmpty(rumours);
        Assert.True(denials.Count >= rumours.Count * 0.9, $"{denials.Count} denials for {rumours.Count} rumours");
        foreach (var denial in denials)
        {
            if (!rumours.TryGetValue(denial.Truth[0].OriginalDocId!, out var rumour)) continue; // rumour published before the last days
            Assert.Equal(-rumour.Truth[0].Polarity, denial.Truth[0].Polarity);
            Assert.True(denial.News.PublishedAt > rumour.News.PublishedAt);
            Assert.Equal(rumour.Truth[0].IssuerId, denial.Truth[0].IssuerId);
        }
    }
}
