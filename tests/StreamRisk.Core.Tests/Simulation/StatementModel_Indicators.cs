using FsCheck.Xunit;
using StreamRisk.Core.Simulation;

namespace StreamRisk.Core.Tests.Simulation;

public sealed class StatementModel_Indicators
{
    [Property]
    public bool Balance_sheet_lines_add_up(ulong seed, sbyte quality)
    {
        var values = StatementModel.Draw(quality / 40.0, Math.Log(500), double.NaN, new Pcg32(seed, 1));
        const double rounding = 1e-3;
        return values.Count == 32
            && Math.Abs(values["total_assets"] - values["total_liabilities"] - values["net_assets"]) < rounding
            && Math.Abs(values["total_debt"] - values["short_term_debt"] - values["long_term_debt"]) < rounding
            && values["total_liabilities"] < values["total_assets"]
            && values["cash_and_equivalents"] <= values["current_assets"] + rounding
            && values.Values.All(double.IsFinite);
    }

    [Fact]
    public void Noise_has_heavy_tails()
    {
        var random = new Pcg32(8, 1);
        var growth = Enumerable.Range(0, 20_000).Select(_ => StatementModel.Draw(0, Math.Log(500), double.NaN, random)["revenue_growth"]).ToList();
        var mean = growth.Average();
        var sd = Math.Sqrt(growth.Average(g => (g - mean) * (g - mean)));
        var kurtosis = growth.Average(g => Math.Pow((g - mean) / sd, 4));
        Assert.True(kurtosis > 4, $"kurtosis {kurtosis:F2} (normal: 3)");
    }
}
