namespace StreamRisk.Core.Simulation;

/// <summary>
/// Draws a quarterly statement consistent with the issuer's latent credit at the period end: weaker credit means more
/// and shorter debt, thinner margins, less cash. Every driver carries Student-t noise (4 degrees of freedom), so
/// statements have the fat tails real ones have; ratios are computed from the drawn levels, so they agree with them.
/// </summary>
public static class StatementModel
{
    private const double TailDegrees = 4;

    /// <param name="previousRevenue">Last quarter's revenue (for growth); NaN for a first statement.</param>
    public static Dictionary<string, double> Draw(double latent, double logAssets, double previousRevenue, Pcg32 random)
    {
        double T() => random.NextStudentT(TailDegrees);
        var q = Math.Clamp(latent, -4, 4);

        var assets = Math.Exp(logAssets + 0.03 * T());
        var debtToAssets = Logistic(-0.5 - 0.55 * q + 0.25 * T());
        var debt = debtToAssets * assets;
        var shortShare = Logistic(-0.9 - 0.4 * q + 0.3 * T());
        var shortDebt = debt * shortShare;
        var longDebt = debt - shortDebt;
        var liabilities = Math.Min(0.97 * assets, debt * (1.2 + 0.08 * Math.Abs(T())));
        var equity = assets - liabilities;
        var currentAssets = assets * Math.Clamp(0.3 + 0.06 * T(), 0.05, 0.9);
        var currentLiabilities = shortDebt + 0.7 * (liabilities - debt) + 0.01 * assets;
        var cash = currentAssets * Logistic(-1.3 + 0.5 * q + 0.3 * T());
        var inventory = Math.Min((currentAssets - cash) * 0.9, currentAssets * 0.3 * Math.Exp(0.2 * T()));
        var revenue = assets * 0.25 * Math.Exp(0.12 * q + 0.15 * T());
        var ebitdaMargin = 0.12 + 0.05 * q + 0.04 * T();
        var ebitda = revenue * ebitdaMargin;
        var ebit = ebitda - 0.012 * assets;
        var interest = debt * (0.012 + 0.004 * Math.Max(0, -q));
        var preTax = ebit - interest;
        var netProfit = preTax > 0 ? 0.75 * preTax : preTax;
        var grossMargin = Math.Clamp(ebitdaMargin + 0.15 + 0.03 * T(), -1, 1);
        var operatingCash = ebitda * (0.7 + 0.2 * T()) - interest;
        var investingCash = -assets * 0.015 * Math.Exp(0.3 * T());
        var financingCash = -(operatingCash + investingCash) + 0.01 * assets * T();
        var growth = double.IsNaN(previousRevenue) ? 0.02 * T() : revenue / previousRevenue - 1;

        var values = new Dictionary<string, double>(EmdlotIndicators.Names.Count)
        {
            ["total_assets"] = assets,
            ["total_liabilities"] = liabilities,
            ["net_assets"] = equity,
            ["total_debt"] = debt,
            ["short_term_debt"] = shortDebt,
            ["long_term_debt"] = longDebt,
            ["current_assets"] = currentAssets,
            ["current_liabilities"] = currentLiabilities,
            ["cash_and_equivalents"] = cash,
            ["inventory"] = inventory,
            ["operating_revenue"] = revenue,
            ["ebit"] = ebit,
            ["ebitda"] = ebitda,
            ["net_profit"] = netProfit,
            ["interest_expense"] = interest,
            ["roa"] = 4 * netProfit / assets,
            ["roe"] = 4 * netProfit / equity,
            ["gross_margin"] = grossMargin,
            ["net_margin"] = netProfit / revenue,
            ["current_ratio"] = currentAssets / currentLiabilities,
            ["quick_ratio"] = (currentAssets - inventory) / currentLiabilities,
            ["cash_ratio"] = cash / currentLiabilities,
            ["interest_coverage"] = ebit / interest,
            ["debt_to_assets"] = debt / assets,
            ["debt_to_equity"] = debt / equity,
            ["short_term_debt_share"] = shortShare,
            ["cash_flow_operations"] = operatingCash,
            ["cash_flow_investing"] = investingCash,
            ["cash_flow_financing"] = financingCash,
            ["cash_to_short_term_debt"] = cash / shortDebt,
            ["asset_turnover"] = 4 * revenue / assets,
            ["revenue_growth"] = growth,
        };

        foreach (var name in EmdlotIndicators.Names)
            values[name] = Math.Round(values[name], 4, MidpointRounding.AwayFromZero);
        return values;
    }

    private static double Logistic(double x) => 1.0 / (1.0 + Math.Exp(-x));
}
