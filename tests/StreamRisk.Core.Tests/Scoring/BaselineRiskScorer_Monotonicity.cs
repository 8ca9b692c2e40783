using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Scoring;

namespace StreamRisk.Core.Tests.Scoring;

public sealed class BaselineRiskScorer_Monotonicity
{
    private static Arbitrary<(double Higher, double Lower, double? Spread, IReadOnlyDictionary<string, double>? Indicators, int Horizon)> Pairs() =>
        (from a in ScoringInputs.Index
         from drop in Gen.Choose(0, 3000).Select(i => i / 1000.0)
         from spread in ScoringInputs.Spread
         from indicators in ScoringInputs.Indicators
         from horizon in Gen.Choose(1, 120)
         select (a, a - drop, spread, indicators, horizon)).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property MoreNegativeIndex_NeverLowersDefaultProbability() => Prop.ForAll(Pairs(), s =>
    {
        var scorer = new BaselineRiskScorer(s.Horizon);
        var higher = scorer.Forecast(s.Higher, s.Spread, s.Indicators);
        var lower = scorer.Forecast(s.Lower, s.Spread, s.Indicators);
        return lower.PDefaulted >= higher.PDefaulted - 1e-15;
    });

    [Property(MaxTest = 500)]
    public Property MoreNegativeIndex_NeverLowersTheSpreadForecast() => Prop.ForAll(Pairs(), s =>
    {
        var scorer = new BaselineRiskScorer(s.Horizon);
        return scorer.Forecast(s.Lower, s.Spread, s.Indicators).SpreadChangeBps >= scorer.Forecast(s.Higher, s.Spread, s.Indicators).SpreadChangeBps;
    });

    [Fact]
    public void WeakerFundamentals_RaiseDefaultProbabilityAndForecast()
    {
        var scorer = new BaselineRiskScorer();
        var strong = scorer.Forecast(-0.2, 300, new Dictionary<string, double> { ["interest_coverage"] = 8, ["debt_to_assets"] = 0.3 });
        var weak = scorer.Forecast(-0.2, 300, new Dictionary<string, double> { ["interest_coverage"] = 0.8, ["debt_to_assets"] = 0.8 });
        Assert.True(weak.PDefaulted > strong.PDefaulted);
        Assert.True(weak.SpreadChangeBps > strong.SpreadChangeBps);
    }
}
