namespace StreamRisk.Core.Simulation;

/// <summary>How texts read latent movements: the change over a ten-trading-day window ending one trading day back.</summary>
public static class TextTone
{
    /// <summary>News reports a move after it happened: the window ends this many trading days before publication.</summary>
    public const int LagTradingDays = 1;

    public const int WindowTradingDays = 10;

    /// <summary>Changes smaller than this read as neutral.</summary>
    public const double IssuerNeutralBand = 0.04;

    public const double IndustryNeutralBand = 0.03;

    /// <summary>Typical absolute ten-day latent change; sets how strongly volume reacts to moves.</summary>
    public const double TypicalIssuerChange = 0.115;

    public static int Sign(double change, double neutralBand) => change > neutralBand ? 1 : change < -neutralBand ? -1 : 0;

    /// <summary>Relative news volume for a latent change: quiet issuers get some texts, moving ones get many (mean ≈ 1).</summary>
    public static double VolumeWeight(double change) =>
        (0.4 + 0.6 * Math.Min(4.0, Math.Abs(change) / TypicalIssuerChange)) / 0.88;
}
