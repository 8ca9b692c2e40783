namespace StreamRisk.RiskModels.Data;

/// <summary>
/// One issuer's inputs on its trading days (the days it has a spread quote), each value as known at the end of that
/// day: the spread quoted that day, the latest daily index value for a day ≤ it, the latest statement published on or
/// before it. Built by <see cref="MarketSeriesBuilder"/>.
/// </summary>
/// <param name="Values">Row per trading day, column per <see cref="SpreadFeatures.All"/> (raw, not normalised).</param>
/// <param name="IndexDays">Day of the daily index value each row carries (null when none yet): the inputs' dates on a served forecast.</param>
/// <param name="StatementDays">Period end of the statement each row carries (null when none yet).</param>
public sealed record IssuerMarketSeries(
    string IssuerId,
    DateOnly[] Days,
    double[] SpreadBps,
    double[][] Values,
    DateOnly?[] IndexDays,
    DateOnly?[] StatementDays)
{
    public int Length => Days.Length;
}
