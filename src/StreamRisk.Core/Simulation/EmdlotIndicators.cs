namespace StreamRisk.Core.Simulation;

/// <summary>
/// The 32 quarterly financial indicators of a simulated statement (EMDLOT's financial modality): levels in millions,
/// ratios as fractions, flows for the quarter, profitability annualised.
/// </summary>
public static class EmdlotIndicators
{
    public static readonly IReadOnlyList<string> Names =
    [
        "total_assets", "total_liabilities", "net_assets", "total_debt", "short_term_debt", "long_term_debt",
        "current_assets", "current_liabilities", "cash_and_equivalents", "inventory", "operating_revenue", "ebit",
        "ebitda", "net_profit", "interest_expense", "roa", "roe", "gross_margin", "net_margin", "current_ratio",
        "quick_ratio", "cash_ratio", "interest_coverage", "debt_to_assets", "debt_to_equity", "short_term_debt_share",
        "cash_flow_operations", "cash_flow_investing", "cash_flow_financing", "cash_to_short_term_debt",
        "asset_turnover", "revenue_growth",
    ];
}
