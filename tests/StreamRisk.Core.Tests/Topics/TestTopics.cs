using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Tests.Topics;

/// <summary>A few topics in the style of data/reference/topics.csv, written for these tests.</summary>
internal static class TestTopics
{
    public static readonly IReadOnlyList<Topic> All =
    [
        new("crude_oil", "world_economy", "Crude oil prices",
            "Movements in the price of crude oil and petroleum, OPEC production quotas, oil supply cuts, Brent and WTI benchmarks, refinery demand and fuel costs."),
        new("typhoon", "natural_disasters", "Typhoons and tropical storms",
            "Typhoons, hurricanes and tropical cyclones that strike coastal regions, flood ports and cities, close airports and damage factories and power lines."),
        new("interest_rates", "economic_policy", "Central bank interest rates",
            "Decisions of the central bank on the policy interest rate, rate hikes and rate cuts, monetary tightening and easing, and the yield curve."),
        new("housing", "domestic_finance", "Property market",
            "House prices, home sales, mortgage lending, property developers, land auctions and residential construction activity."),
        new("semiconductors", "technology", "Semiconductor supply",
            "Chip shortages, semiconductor fabrication plants, export controls on advanced chips, foundry capacity and electronics supply chains."),
        new("trade_tariffs", "international_relations", "Trade tariffs",
            "Import tariffs, trade wars, retaliatory duties, export bans, sanctions and negotiations over trade agreements between countries."),
        new("emissions", "environment", "Carbon emissions regulation",
            "Carbon emission limits, carbon taxes and emission trading schemes, coal plant closures and climate targets for heavy industry."),
        new("inflation", "economic_data", "Consumer price inflation",
            "Monthly consumer price index releases, inflation rates, food and energy prices, core inflation and the cost of living."),
    ];
}
