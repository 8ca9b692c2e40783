using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Events;
using StreamRisk.Core.Scoring;

namespace StreamRisk.Core.Tests.Scoring;

public sealed class BaselineRiskScorer_Probabilities
{
    private static readonly BaselineRiskScorer Scorer = new();

    [Property(MaxTest = 500)]
    public Property Probabilities_AreValidAndSumToOne() => Prop.ForAll(
        (from index in ScoringInputs.Index
         from spread in ScoringInputs.Spread
         from indicators in ScoringInputs.Indicators
         select (index, spread, indicators)).ToArbitrary(),
        s =>
        {
            var f = Scorer.Forecast(s.index, s.spread, s.indicators);
            double[] p = [f.PPerforming, f.PExtended, f.PDefaulted];
            return p.All(x => x is >= 0 and <= 1 && double.IsFinite(x))
                && Math.Abs(p.Sum() - 1) < 1e-12
                && double.IsFinite(f.SpreadChangeBps);
        });

    [Property(MaxTest = 300)]
    public Property Class_IsTheMostProbableOne() => Prop.ForAll(
        (from index in ScoringInputs.Index
         from spread in ScoringInputs.Spread
         from indicators in ScoringInputs.Indicators
         select (index, spread, indicators)).ToArbitrary(),
        s =>
        {
            var f = Scorer.Forecast(s.index, s.spread, s.indicators);
            var p = f.RiskClass switch
            {
                RiskClass.Defaulted => f.PDefaulted,
                RiskClass.Extended => f.PExtended,
                _ => f.PPerforming,
            };
            return p >= Math.Max(f.PPerforming, Math.Max(f.PExtended, f.PDefaulted));
        });

    [Fact]
    public void NeutralInputs_AreMostlyPerforming_AndDistressIsDefaulted()
    {
        var neutral = Scorer.Forecast(0, 150, null);
        Assert.Equal(RiskClass.Performing, neutral.RiskClass);
        Assert.Equal(1 / (1 + Math.Exp(-3) + Math.Exp(-5)), neutral.PPerforming, 12);
        Assert.Equal(0, neutral.SpreadChangeBps, 12);

        var distress = Scorer.Forecast(-2.5, 2000, new Dictionary<string, double> { ["interest_coverage"] = 0.2, ["debt_to_assets"] = 0.95 });
        Assert.Equal(RiskClass.Defaulted, distress.RiskClass);
        Assert.True(distress.SpreadChangeBps > 100);
    }

    [Fact]
    public void NonFiniteIndex_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Scorer.Forecast(double.NaN, null));
    }
}
