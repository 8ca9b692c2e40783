using StreamRisk.Core.Reference;
using StreamRisk.Core.Simulation;

namespace StreamRisk.Core.Tests.Simulation;

/// <summary>A small synthetic reference list and one cached simulation run shared by the statistical tests.</summary>
public sealed class SimulatedMarket
{
    public static readonly IReadOnlyList<Industry> Industries =
    [
        new("airlines", "Airlines", "Industrials"),
        new("banks", "Banks", "Financials"),
        new("utilities", "Electric Utilities", "Utilities"),
        new("retail", "Retailers", "Consumer"),
        new("mining", "Metals and Mining", "Materials"),
        new("software", "Software", "Technology"),
    ];

    public static readonly IReadOnlyList<Topic> Topics =
    [
        new("rate_hike", "economic policy", "Policy interest rate hike", "The central bank raises rates."),
        new("oil_shock", "world economy", "Oil price spike", "Crude prices jump."),
        new("drought", "natural disasters", "Drought", "A long dry spell."),
        new("chip_export", "technology", "Chip export controls", "Limits on semiconductor exports."),
        new("consumer_confidence", "economic data", "Consumer confidence survey", "Monthly household sentiment."),
    ];

    public static readonly IReadOnlyList<TopicIndustryLink> Links =
    [
        new("rate_hike", "banks", 0.3), new("rate_hike", "utilities", -0.5), new("oil_shock", "airlines", -0.9),
        new("drought", "utilities", -0.4), new("chip_export", "software", -0.6), new("consumer_confidence", "retail", 0.7),
        new("oil_shock", "mining", 0.2),
    ];

    public SimulatedMarket()
    {
        Options = new SimulationOptions(400, 4, Seed: 11, StartDay: new DateOnly(2004, 1, 1),
            ExtendedShare: 0.03, DefaultedShare: 0.02);
        Simulator = new MarketSimulator(Options, Industries, Topics, Links);
        Events = Simulator.Run().ToList();
    }

    public SimulationOptions Options { get; }

    public MarketSimulator Simulator { get; }

    public IReadOnlyList<SimulationEvent> Events { get; }

    public static MarketSimulator Build(int issuers, int years, ulong seed, IReadOnlyList<MacroQuarter>? macro = null) =>
        new(new SimulationOptions(issuers, years, seed, new DateOnly(2004, 1, 1)), Industries, Topics, Links, macro);
}

[CollectionDefinition(Name)]
public sealed class SimulatedMarketCollection : ICollectionFixture<SimulatedMarket>
{
    public const string Name = "simulated market";
}
