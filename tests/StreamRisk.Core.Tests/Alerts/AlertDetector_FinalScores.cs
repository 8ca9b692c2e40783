using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Alerts;
using StreamRisk.Core.Events;
using static StreamRisk.Core.Tests.Alerts.RiskScores;

namespace StreamRisk.Core.Tests.Alerts;

/// <summary>
/// Once the scores stop changing, the alerts in force are those the rules find in the final scores, whatever
/// provisional revisions came first and however the days interleaved: a run that saw only the final scores, in day
/// order, ends with the same alerts (id, severity, value, evidence).
/// </summary>
public sealed class AlertDetector_FinalScores
{
    private sealed record Day(int Number, double[] Revisions, RiskClass FinalClass);

    private static Gen<(double[] Revisions, RiskClass FinalClass)> OneDay =>
        from n in Gen.Choose(1, 3)
        from revisions in Gen.ArrayOf(Gen.Choose(-60, 40).Select(i => i / 100.0), n)
        from finalClass in Gen.Elements(RiskClass.Performing, RiskClass.Performing, RiskClass.Extended, RiskClass.Defaulted)
        select (revisions, finalClass);

    private static Gen<Day[]> Days =>
        from count in Gen.Choose(2, 40)
        from days in Gen.ArrayOf(OneDay, count)
        select days.Select((d, i) => new Day(i, d.Revisions, d.FinalClass)).ToArray();

    /// <summary>Every revision of every day, interleaved by a random key but each day's revisions in order.</summary>
    private static Gen<(Day[] Days, int[] Order)> Scenario =>
        from days in Days
        from keys in Gen.ArrayOf(Gen.Choose(0, 1000), days.Sum(d => d.Revisions.Length))
        select (days, keys);

    [Property(MaxTest = 300)]
    public Property AlertsInForce_DependOnlyOnTheFinalScores() => Prop.ForAll(Scenario.ToArbitrary(), s =>
    {
        var arrivals = s.Days.SelectMany(d => d.Revisions.Select((index, r) => (Day: d, Revision: r, Index: index))).ToArray();
        var order = arrivals.Select((a, i) => (a, Key: s.Order[i])).OrderBy(x => x.Key).ThenBy(x => x.a.Revision).Select(x => x.a);
        var live = new Dictionary<string, RiskAlert>();
        var detector = new AlertDetector();
        foreach (var (day, revision, index) in order)
        {
            var final = revision == day.Revisions.Length - 1;
            foreach (var alert in detector.Observe(Score(day.Number, index, revision, final ? day.FinalClass : RiskClass.Performing), Evidence(day.Number)))
            {
                live[alert.AlertId] = alert;
            }
        }

        var reference = new Dictionary<string, RiskAlert>();
        var once = new AlertDetector();
        foreach (var day in s.Days)
        {
            foreach (var alert in once.Observe(Score(day.Number, day.Revisions[^1], day.Revisions.Length - 1, day.FinalClass), Evidence(day.Number)))
            {
                reference[alert.AlertId] = alert;
            }
        }

        static string Canonical(RiskAlert a) => $"{a.AlertId}|{a.Severity}|{a.Message}|{a.Value:R}|{a.Threshold:R}|{string.Join(',', a.EvidenceDocIds)}";
        var inForce = live.Values.Where(a => a.Status == RiskAlert.Active).Select(Canonical).Order(StringComparer.Ordinal);
        var expected = reference.Values.Where(a => a.Status == RiskAlert.Active).Select(Canonical).Order(StringComparer.Ordinal);
        return inForce.SequenceEqual(expected);
    });
}
