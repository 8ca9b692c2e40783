using StreamRisk.Core.Events;
using StreamRisk.Core.Scoring;

namespace StreamRisk.Core.Tests.Scoring;

public sealed class BaselineRiskScorer_Causality
{
    private static readonly DateOnly Day = new(2024, 5, 10);

    private static DailySentiment Daily(double smoothed, int revision = 0) =>
        new($"ISS1:2024-05-10:r{revision}", "ISS1", Day, revision, -0.3, 2, null, -0.21, smoothed, ["d1"]);

    private static Fundamentals Weak(DateTimeOffset publishedAt) =>
        new("ISS1", new DateOnly(2024, 3, 31), publishedAt, new Dictionary<string, double> { ["interest_coverage"] = 0.5, ["debt_to_assets"] = 0.9 });

    [Fact]
    public void Score_CarriesTheDailyValueAndTheForecast()
    {
        var scorer = new BaselineRiskScorer();
        var spread = new SpreadObservation("ISS1", Day.AddDays(-1), 320);
        var fundamentals = Weak(new DateTimeOffset(2024, 4, 20, 8, 0, 0, TimeSpan.Zero));
        var score = scorer.Score(Daily(-0.4, revision: 2), spread, fundamentals);
        var forecast = scorer.Forecast(-0.4, 320, fundamentals.Indicators);

        Assert.Equal("ISS1:2024-05-10:r2:s2024-05-09:f2024-03-31", score.EventId);
        Assert.Equal(2, score.Revision);
        Assert.Equal(Day, score.AsOf);
        Assert.Equal(-0.4, score.IndexValue);
        Assert.Equal(320, score.LastSpreadBps);
        Assert.Equal(20, score.HorizonDays);
        Assert.Equal(BaselineRiskScorer.ModelName, score.Model);
        Assert.Equal(forecast.PDefaulted, score.PDefaulted);
        Assert.Equal(forecast.SpreadChangeBps, score.SpreadChangeForecastBps);
        Assert.Equal(forecast.RiskClass, score.RiskClass);
    }

    [Fact]
    public void SpreadObservedLater_AndFundamentalsPublishedLater_AreIgnored()
    {
        var scorer = new BaselineRiskScorer();
        var withoutFuture = scorer.Score(Daily(-0.4), null, null);
        var withFuture = scorer.Score(
            Daily(-0.4),
            new SpreadObservation("ISS1", Day.AddDays(1), 900),
            Weak(new DateTimeOffset(2024, 5, 11, 0, 30, 0, TimeSpan.Zero)));

        Assert.Null(withFuture.LastSpreadBps);
        Assert.Equal(withoutFuture.PDefaulted, withFuture.PDefaulted);
        Assert.Equal(withoutFuture.SpreadChangeForecastBps, withFuture.SpreadChangeForecastBps);
    }

    [Fact]
    public void InputsOfAnotherIssuer_AreRejected()
    {
        var scorer = new BaselineRiskScorer();
        Assert.Throws<ArgumentException>(() => scorer.Score(Daily(0), new SpreadObservation("ISS2", Day, 100), null));
    }

    [Fact]
    public void ExplicitRevision_OverridesTheDailyRevision()
    {
        Assert.Equal("ISS1:2024-05-10:r5", new BaselineRiskScorer().Score(Daily(0), null, null, revision: 5).EventId);
    }
}
