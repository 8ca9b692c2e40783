using StreamRisk.Core.Events;

namespace StreamRisk.Core.Alerts;

/// <summary>One issuer's recent scores and the alerts already raised for them.</summary>
internal sealed class IssuerAlertHistory
{
    /// <summary>Latest revision per day, ascending by day, at most <see cref="AlertRules.RetainedDays"/> days.</summary>
    public List<ScoredDay> Days { get; } = [];

    /// <summary>(rule, day number) of every alert raised for a retained day.</summary>
    /// <summary>The latest version of every alert of the retained days, active or retracted.</summary>
    public Dictionary<(string Rule, int DayNumber), RiskAlert> Alerts { get; } = [];

    /// <summary>Threshold rule state before <c>Days[0]</c>.</summary>
    public bool ArmedBeforeFirst { get; set; } = true;

    /// <summary>Index of the day before <c>Days[0]</c>, once days have been dropped.</summary>
    public double? IndexBeforeFirst { get; set; }

    /// <summary>Risk class of the day before <c>Days[0]</c>, once days have been dropped.</summary>
    public RiskClass? ClassBeforeFirst { get; set; }
}
