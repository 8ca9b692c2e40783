using StreamRisk.Core.Events;
using StreamRisk.Core.Simulation;

namespace StreamRisk.Core.Tests.Simulation;

public sealed class MarketSimulator_Determinism
{
    [Fact]
    public void Same_seed_gives_the_same_events_and_two_runs_of_one_simulator_agree()
    {
        var first = Fingerprint(SimulatedMarket.Build(60, 2, seed: 99).Run());
        var simulator = SimulatedMarket.Build(60, 2, seed: 99);
        Assert.Equal(first, Fingerprint(simulator.Run()));
        Assert.Equal(first, Fingerprint(simulator.Run()));
    }

    [Fact]
    public void Different_seeds_give_different_markets()
    {
        var a = Fingerprint(SimulatedMarket.Build(60, 2, seed: 1).Run());
        var b = Fingerprint(SimulatedMarket.Build(60, 2, seed: 2).Run());
        Assert.NotEqual(a, b);
        Assert.NotEqual(SimulatedMarket.Build(60, 2, seed: 1).Issuers[0].LegalName, SimulatedMarket.Build(60, 2, seed: 2).Issuers[0].LegalName);
    }

    [Fact]
    public void Issuer_names_and_tickers_are_unique()
    {
        var issuers = SimulatedMarket.Build(3_000, 1, seed: 4).Issuers;
        Assert.Equal(issuers.Count, issuers.Select(i => i.Aliases[0]).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var tickers = issuers.SelectMany(i => i.Tickers).ToList();
        Assert.Equal(tickers.Count, tickers.Distinct().Count());
        Assert.All(issuers, i => Assert.StartsWith("SIM", i.IssuerId, StringComparison.Ordinal));
    }

    private static string Fingerprint(IEnumerable<SimulationEvent> events)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var e in events)
        {
            var text = e switch
            {
                NewsArrived n => EventJson.SerializeToString(n.News) + string.Join(';', n.Truth),
                StatementFiled s => EventJson.SerializeToString(s.Statement),
                DisclosureFiled d => EventJson.SerializeToString(d.Disclosure) + d.Truth,
                _ => e.ToString(),
            };
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(text));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
