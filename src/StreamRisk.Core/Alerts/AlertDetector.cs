using System.Globalization;
using StreamRisk.Core.Events;
using StreamRisk.Core.Indexing;

namespace StreamRisk.Core.Alerts;

/// <summary>
/// Turns each issuer's sequence of <see cref="RiskScore"/> into alerts by the rules of <see cref="AlertRules"/>.
/// </summary>
/// <remarks>
/// <para>The rules are a function of the latest revision of each day's score: a revision (or a day arriving late)
/// replaces that day and the rules are re-run over the retained days, from the revised day on. What they find there
/// is compared with the alerts already raised for those days: a new one is raised (revision 0); one whose detail
/// changed (value, severity, evidence) is raised again with the same id and the next revision; one the rules no
/// longer find is retracted (status <c>retracted</c>, next revision). An alert id (<c>issuer:rule:yyyy-MM-dd</c>) is
/// therefore never raised twice, and once the scores stop changing the alerts in force are exactly those the rules
/// find in the final scores, however the revisions arrived: two runs over the same input agree on them even when
/// their stages interleaved differently.</para>
/// <para>Scores with a lower revision than the one held for their day, or for days older than the retained history,
/// are ignored. Pure and deterministic: no clock, no I/O. Not thread-safe: one instance per partition.</para>
/// </remarks>
public sealed class AlertDetector
{
    private readonly AlertRules _rules;
    private readonly Dictionary<string, IssuerAlertHistory> _issuers = new(StringComparer.Ordinal);
    private double[] _changes = new double[64];

    public AlertDetector(AlertRules? rules = null)
    {
        _rules = rules ?? new AlertRules();
        if (_rules.RetainedDays <= _rules.JumpWindowDays || _rules.JumpMinHistory < 2 || _rules.JumpMinHistory > _rules.JumpWindowDays
            || !(_rules.JumpSigmas > 0) || !(_rules.HysteresisMargin >= 0) || !(_rules.JumpMinSd >= 0))
        {
            throw new ArgumentException("inconsistent alert rules", nameof(rules));
        }
    }

    /// <summary>Takes alerts raised before (by an instance that stopped) as this one's own, so that it revises or
    /// retracts them instead of raising them again.</summary>
    public void Remember(IEnumerable<RiskAlert> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        foreach (var alert in alerts)
        {
            if (!_issuers.TryGetValue(alert.IssuerId, out var history))
            {
                history = new IssuerAlertHistory();
                _issuers.Add(alert.IssuerId, history);
            }

            var key = (alert.Rule, alert.AsOf.DayNumber);
            if (!history.Alerts.TryGetValue(key, out var held) || held.Revision <= alert.Revision)
            {
                history.Alerts[key] = alert;
            }
        }
    }

    /// <summary>Observes a score with the doc ids that moved the index that day; returns the alerts it raises,
    /// revises or retracts, by day then rule.</summary>
    public IReadOnlyList<RiskAlert> Observe(RiskScore score, IReadOnlyList<string> evidenceDocIds)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(evidenceDocIds);
        if (!double.IsFinite(score.IndexValue))
        {
            throw new ArgumentOutOfRangeException(nameof(score), score.IndexValue, "index value must be finite");
        }

        if (!_issuers.TryGetValue(score.IssuerId, out var history))
        {
            history = new IssuerAlertHistory();
            _issuers.Add(score.IssuerId, history);
        }

        var dayNumber = score.AsOf.DayNumber;
        var days = history.Days;
        if (days.Count > 0 && dayNumber < days[^1].DayNumber - _rules.RetainedDays)
        {
            return [];
        }

        var position = FindPosition(days, dayNumber);
        var day = new ScoredDay(dayNumber, score.Revision, score.IndexValue, score.RiskClass, ClassProbability(score), evidenceDocIds);
        if (position < days.Count && days[position].DayNumber == dayNumber)
        {
            if (days[position].Revision > score.Revision)
            {
                return [];
            }

            days[position] = day;
        }
        else
        {
            days.Insert(position, day);
        }

        var alerts = Evaluate(score.IssuerId, history, position);
        Forget(history);
        return alerts;
    }

    private static int FindPosition(List<ScoredDay> days, int dayNumber)
    {
        var position = days.Count;
        while (position > 0 && days[position - 1].DayNumber >= dayNumber)
        {
            position--;
        }

        return position;
    }

    private static double ClassProbability(RiskScore score) => score.RiskClass switch
    {
        RiskClass.Defaulted => score.PDefaulted,
        RiskClass.Extended => score.PExtended,
        _ => score.PPerforming,
    };

    private List<RiskAlert> Evaluate(string issuerId, IssuerAlertHistory history, int fromPosition)
    {
        var found = new List<RiskAlert>();
        var days = history.Days;
        if (_changes.Length < days.Count)
        {
            _changes = new double[Math.Max(days.Count, 2 * _changes.Length)];
        }

        var armed = history.ArmedBeforeFirst;
        var previousIndex = history.IndexBeforeFirst;
        var previousClass = history.ClassBeforeFirst;
        for (var k = 0; k < days.Count; k++)
        {
            var day = days[k];
            var crossed = StepThreshold(ref armed, day.Index);
            _changes[k] = previousIndex is { } p ? day.Index - p : double.NaN;
            if (k >= fromPosition)
            {
                if (crossed)
                {
                    found.Add(Alert(issuerId, day, AlertRules.ThresholdCrossing, ThresholdAlert(day)));
                }

                if (JumpAlert(days, k) is { } jump)
                {
                    found.Add(Alert(issuerId, day, AlertRules.Jump, jump));
                }

                if (previousClass is { } before && before != day.RiskClass)
                {
                    found.Add(Alert(issuerId, day, AlertRules.ClassChange, ClassChangeAlert(before, day)));
                }
            }

            previousIndex = day.Index;
            previousClass = day.RiskClass;
        }

        return Reconcile(history, found, days, fromPosition);
    }

    /// <summary>What changed between the alerts the rules now find on the re-evaluated days and those raised before.</summary>
    private static List<RiskAlert> Reconcile(IssuerAlertHistory history, List<RiskAlert> found, List<ScoredDay> days, int fromPosition)
    {
        var changes = new List<RiskAlert>();
        var foundKeys = new HashSet<(string, int)>();
        foreach (var candidate in found)
        {
            var alert = candidate;
            var key = (alert.Rule, alert.AsOf.DayNumber);
            foundKeys.Add(key);
            if (history.Alerts.TryGetValue(key, out var held))
            {
                if (held.Status == RiskAlert.Active && SameDetail(held, alert))
                {
                    continue;
                }

                alert = alert with { Revision = held.Revision + 1 };
            }

            history.Alerts[key] = alert;
            changes.Add(alert);
        }

        var evaluated = new HashSet<int>();
        for (var k = fromPosition; k < days.Count; k++)
        {
            evaluated.Add(days[k].DayNumber);
        }

        foreach (var (key, held) in history.Alerts.Where(a => a.Value.Status == RiskAlert.Active && evaluated.Contains(a.Key.DayNumber) && !foundKeys.Contains(a.Key)).ToList())
        {
            var retracted = held with { Revision = held.Revision + 1, Status = RiskAlert.Retracted };
            history.Alerts[key] = retracted;
            changes.Add(retracted);
        }

        changes.Sort((a, b) => a.AsOf != b.AsOf ? a.AsOf.CompareTo(b.AsOf) : string.CompareOrdinal(a.Rule, b.Rule));
        return changes;
    }

    private static bool SameDetail(RiskAlert a, RiskAlert b) =>
        a.Severity == b.Severity && a.Message == b.Message && a.Value.Equals(b.Value) && Nullable.Equals(a.Threshold, b.Threshold)
        && a.EvidenceDocIds.SequenceEqual(b.EvidenceDocIds, StringComparer.Ordinal);

    /// <summary>Advances the threshold rule by one day; true when the day is a (raising) downward crossing.</summary>
    private bool StepThreshold(ref bool armed, double index)
    {
        if (armed && index < _rules.ThresholdIndex)
        {
            armed = false;
            return true;
        }

        if (!armed && index >= _rules.ThresholdIndex + _rules.HysteresisMargin)
        {
            armed = true;
        }

        return false;
    }

    private (string Severity, string Message, double Value, double? Threshold) ThresholdAlert(ScoredDay day) =>
        (day.Index <= _rules.CriticalIndex ? AlertRules.Critical : AlertRules.Warning,
         string.Create(CultureInfo.InvariantCulture, $"sentiment index {day.Index:0.###} fell below {_rules.ThresholdIndex:0.###}"),
         day.Index,
         _rules.ThresholdIndex);

    private (string Severity, string Message, double Value, double? Threshold)? JumpAlert(List<ScoredDay> days, int k)
    {
        var change = _changes[k];
        if (double.IsNaN(change))
        {
            return null;
        }

        var first = k;
        while (first > 0 && days[first - 1].DayNumber >= days[k].DayNumber - _rules.JumpWindowDays)
        {
            first--;
        }

        var past = _changes.AsSpan(first, k - first);
        var z = CausalZScore.Of(change, past, _rules.JumpMinHistory, _rules.JumpMinSd);
        if (!(Math.Abs(z) > _rules.JumpSigmas))
        {
            return null;
        }

        var mean = Mean(past);
        var sd = (change - mean) / z;
        var severity = z > 0 ? AlertRules.Info : z <= -2 * _rules.JumpSigmas ? AlertRules.Critical : AlertRules.Warning;
        var edge = mean + Math.Sign(z) * _rules.JumpSigmas * sd;
        return (severity,
                string.Create(CultureInfo.InvariantCulture, $"daily change of the sentiment index {change:+0.###;-0.###} is {z:+0.0;-0.0} sd from its {_rules.JumpWindowDays}-day mean"),
                change,
                edge);
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        var count = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                sum += v;
                count++;
            }
        }

        return sum / count;
    }

    private static (string Severity, string Message, double Value, double? Threshold) ClassChangeAlert(RiskClass before, ScoredDay day) =>
        (day.RiskClass == RiskClass.Defaulted ? AlertRules.Critical : day.RiskClass > before ? AlertRules.Warning : AlertRules.Info,
         string.Create(CultureInfo.InvariantCulture, $"risk class changed from {Name(before)} to {Name(day.RiskClass)} (p = {day.ClassProbability:0.###})"),
         day.ClassProbability,
         null);

    private static string Name(RiskClass riskClass) => riskClass switch
    {
        RiskClass.Defaulted => "defaulted",
        RiskClass.Extended => "extended",
        _ => "performing",
    };

    private static RiskAlert Alert(string issuerId, ScoredDay day, string rule, (string Severity, string Message, double Value, double? Threshold) detail)
    {
        var asOf = DateOnly.FromDayNumber(day.DayNumber);
        return new RiskAlert(
            string.Create(CultureInfo.InvariantCulture, $"{issuerId}:{rule}:{asOf:yyyy-MM-dd}"),
            issuerId,
            asOf,
            rule,
            detail.Severity,
            detail.Message,
            detail.Value,
            detail.Threshold,
            day.Evidence);
    }

    /// <summary>Drops days beyond the retained history, folding them into the state before the first kept day.</summary>
    private void Forget(IssuerAlertHistory history)
    {
        var days = history.Days;
        var keepFrom = days[^1].DayNumber - _rules.RetainedDays;
        var drop = 0;
        var armed = history.ArmedBeforeFirst;
        while (drop < days.Count && days[drop].DayNumber < keepFrom)
        {
            StepThreshold(ref armed, days[drop].Index);
            history.IndexBeforeFirst = days[drop].Index;
            history.ClassBeforeFirst = days[drop].RiskClass;
            drop++;
        }

        if (drop == 0)
        {
            return;
        }

        history.ArmedBeforeFirst = armed;
        days.RemoveRange(0, drop);
        foreach (var key in history.Alerts.Keys.Where(k => k.DayNumber < keepFrom).ToList())
        {
            history.Alerts.Remove(key);
        }
    }
}
