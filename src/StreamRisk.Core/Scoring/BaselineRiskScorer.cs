using System.Globalization;
using StreamRisk.Core.Events;

namespace StreamRisk.Core.Scoring;

/// <summary>
/// A transparent baseline that any trained model must beat: linear in a few features, softmax for the classes.
/// </summary>
/// <remarks>
/// Features (each 0 when its input is missing, so a missing input is neutral):
/// <list type="bullet">
/// <item>x_news = −s, s the smoothed sentiment index (negative news ⇒ risk up);</item>
/// <item>x_spread = ln((1 + S/100) / 2.5), S the latest spread in bps floored at 0 (0 at S = 150 bps);</item>
/// <item>x_lev = debt_to_assets − 0.5;</item>
/// <item>x_cov = clamp(ln 3 − ln max(interest_coverage, 0.1), −3, 3) (0 at 3× coverage; ≤ 0.1× counts as 0.1×).</item>
/// </list>
/// Class scores (performing is the reference, score 0):
/// <code>
/// z_E = −3.0 + 1.5·x_news + 1.0·x_spread + 2.0·x_lev + 0.5·x_cov
/// z_D = −5.0 + 2.5·x_news + 1.5·x_spread + 3.0·x_lev + 0.8·x_cov
/// P = softmax(0, z_E, z_D)
/// </code>
/// Because the news coefficient of z_D (2.5) ≥ that of z_E (1.5) ≥ that of performing (0), P(defaulted) never falls
/// as the index falls (dP_D/dx = P_D·(2.5 − 1.5·P_E − 2.5·P_D) ≥ 0).
/// Spread change over horizon h days: <c>ΔS = √(h/20) · [(5 + 0.10·S⁺)·x_news + 30·x_lev + 4·x_cov]</c> bps,
/// S⁺ = max(S, 0) or 150 when unknown: news moves wide spreads more in bps; √h is diffusion scaling.
/// The class is the most probable one (ties go to the more severe class).
/// Inputs dated after the score's day (a spread observed later, fundamentals published later) are ignored: the score is causal.
/// </remarks>
public sealed class BaselineRiskScorer
{
    /// <summary>Value of <see cref="RiskScore.Model"/>.</summary>
    public const string ModelName = "baseline-v1";

    /// <summary>Indicator name of EBIT / interest expense in <see cref="Fundamentals.Indicators"/>.</summary>
    public const string InterestCoverage = "interest_coverage";

    /// <summary>Indicator name of total debt / total assets in <see cref="Fundamentals.Indicators"/>.</summary>
    public const string DebtToAssets = "debt_to_assets";

    private const double NeutralSpreadBps = 150;

    public BaselineRiskScorer(int horizonDays = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizonDays, 1);
        HorizonDays = horizonDays;
    }

    /// <summary>Forecast horizon in days (default 20).</summary>
    public int HorizonDays { get; }

    /// <summary>The forecast for a smoothed index, an optional latest spread and optional fundamentals indicators.</summary>
    public RiskForecast Forecast(double index, double? spreadBps, IReadOnlyDictionary<string, double>? indicators = null)
    {
        if (!double.IsFinite(index))
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "index must be finite");
        }

        var news = -index;
        var spread = spreadBps is { } s && double.IsFinite(s) ? Math.Max(s, 0) : (double?)null;
        var xSpread = spread is { } sp ? Math.Log((1 + sp / 100) / (1 + NeutralSpreadBps / 100)) : 0;
        var xLev = Indicator(indicators, DebtToAssets) is { } da ? da - 0.5 : 0;
        var xCov = Indicator(indicators, InterestCoverage) is { } ic ? Math.Clamp(Math.Log(3) - Math.Log(Math.Max(ic, 0.1)), -3, 3) : 0;

        var zExtended = -3.0 + 1.5 * news + 1.0 * xSpread + 2.0 * xLev + 0.5 * xCov;
        var zDefaulted = -5.0 + 2.5 * news + 1.5 * xSpread + 3.0 * xLev + 0.8 * xCov;
        var max = Math.Max(0, Math.Max(zExtended, zDefaulted));
        var ePerforming = Math.Exp(-max);
        var eExtended = Math.Exp(zExtended - max);
        var eDefaulted = Math.Exp(zDefaulted - max);
        var total = ePerforming + eExtended + eDefaulted;
        var pPerforming = ePerforming / total;
        var pExtended = eExtended / total;
        var pDefaulted = eDefaulted / total;

        var change = Math.Sqrt(HorizonDays / 20.0) * ((5 + 0.10 * (spread ?? NeutralSpreadBps)) * news + 30 * xLev + 4 * xCov);
        var riskClass = RiskClasses.MostProbable(pPerforming, pExtended, pDefaulted);
        return new RiskForecast(change, pPerforming, pExtended, pDefaulted, riskClass);
    }

    /// <summary>The live score of an issuer-day. <paramref name="revision"/> defaults to the daily value's revision.</summary>
    public RiskScore Score(DailySentiment daily, SpreadObservation? latestSpread, Fundamentals? latestFundamentals, int? revision = null)
    {
        ArgumentNullException.ThrowIfNull(daily);
        if (latestSpread is not null && !string.Equals(latestSpread.IssuerId, daily.IssuerId, StringComparison.Ordinal)
            || latestFundamentals is not null && !string.Equals(latestFundamentals.IssuerId, daily.IssuerId, StringComparison.Ordinal))
        {
            throw new ArgumentException("spread and fundamentals must be for the daily value's issuer");
        }

        var spread = latestSpread is not null && latestSpread.Day <= daily.Day ? latestSpread.SpreadBps : (double?)null;
        var indicators = latestFundamentals is not null && DateOnly.FromDateTime(latestFundamentals.PublishedAt.UtcDateTime) <= daily.Day
            ? latestFundamentals.Indicators
            : null;
        var forecast = Forecast(daily.Smoothed, spread, indicators);
        var rev = revision ?? daily.Revision;
        // The market inputs are part of the id: the same daily value scored again once a later spread or statement is
        // known is another event, not the same one with other content.
        var marketInputs = (spread is null ? "" : string.Create(CultureInfo.InvariantCulture, $":s{latestSpread!.Day:yyyy-MM-dd}"))
            + (indicators is null ? "" : string.Create(CultureInfo.InvariantCulture, $":f{latestFundamentals!.PeriodEnd:yyyy-MM-dd}"));
        return new RiskScore(
            string.Create(CultureInfo.InvariantCulture, $"{daily.IssuerId}:{daily.Day:yyyy-MM-dd}:r{rev}{marketInputs}"),
            daily.IssuerId,
            daily.Day,
            rev,
            daily.Smoothed,
            spread,
            forecast.SpreadChangeBps,
            HorizonDays,
            forecast.PPerforming,
            forecast.PExtended,
            forecast.PDefaulted,
            forecast.RiskClass,
            ModelName);
    }

    private static double? Indicator(IReadOnlyDictionary<string, double>? indicators, string name) =>
        indicators is not null && indicators.TryGetValue(name, out var value) && double.IsFinite(value) ? value : null;
}
