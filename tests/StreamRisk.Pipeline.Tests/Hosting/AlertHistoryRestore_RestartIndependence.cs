using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Alerts;
using StreamRisk.Core.Events;
using StreamRisk.Pipeline.Hosting;

namespace StreamRisk.Pipeline.Tests.Hosting;

/// <summary>
/// The alerts in force are those the rules find in the final scores even when the alert stage is restarted in the
/// middle: its detector rebuilt from the store (alerts stored so far, and scores the score stage had stored, some not yet
/// consumed), the last scores before the restart delivered again, the rest consumed by the new instance.
/// </summary>
public sealed class AlertHistoryRestore_RestartIndependence
{
    private static readonly DateOnly Day0 = new(2024, 1, 1);

    private sealed record Day(int Number, double[] Revisions, RiskClass FinalClass);

    private static Gen<Day[]> Days =>
        from count in Gen.Choose(2, 70)
        from days in Gen.ArrayOf(
            from n in Gen.Choose(1, 3)
            // Mostly small moves with an occasional large one, so that the jump rule (20 days of history) fires too.
            from revisions in Gen.ArrayOf(Gen.Frequency((9, Gen.Choose(-30, 30)), (1, Gen.Choose(-90, 60))).Select(i => i / 100.0), n)
            from finalClass in Gen.Elements(RiskClass.Performing, RiskClass.Performing, RiskClass.Extended, RiskClass.Defaulted)
            select (revisions, finalClass), count)
        select days.Select((d, i) => new Day(i, d.revisions, d.finalClass)).ToArray();

    private static Gen<(Day[] Days, int[] Keys, int StopAt, int Lead, int Redelivered)> Scenario =>
        from days in Days
        let total = days.Sum(d => d.Revisions.Length)
        // Arrival: days interleaved within a few places (partitions and late revisions), each day's revisions in order.
        from keys in Gen.ArrayOf(Gen.Choose(0, 6), total)
        from stopAt in Gen.Choose(0, total)
        from lead in Gen.Choose(0, 8)
        from redelivered in Gen.Choose(0, 5)
        select (days, keys, stopAt, lead, redelivered);

    [Property(MaxTest = 300)]
    public Property AlertsInForce_AfterARestart_AreThoseOfTheFinalScores() => Prop.ForAll(Scenario.ToArbitrary(), s =>
    {
        var arrivals = s.Days.SelectMany(d => d.Revisions.Select((index, r) => Score(d, r)))
            .Select((score, i) => (score, Key: i + s.Keys[i])).OrderBy(x => x.Key).Select(x => x.score).ToList();
        // Each day's revisions keep their order.
        arrivals = arrivals.GroupBy(a => a.AsOf).SelectMany(g => g.OrderBy(a => a.Revision).Zip(g, (sorted, slot) => (sorted, slot)))
            .OrderBy(p => arrivals.IndexOf(p.slot)).Select(p => p.sorted).ToList();

        var alerts = new Dictionary<string, RiskAlert>(StringComparer.Ordinal);
        void Keep(IEnumerable<RiskAlert> versions)
        {
            foreach (var a in versions)
            {
                if (!alerts.TryGetValue(a.AlertId, out var held) || held.Revision <= a.Revision) alerts[a.AlertId] = a;
            }
        }

        var first = new AlertDetector();
        foreach (var score in arrivals.Take(s.StopAt))
        {
            Keep(first.Observe(score, score.EvidenceDocIds));
        }

        // The store at the restart: the score stage is up to Lead scores ahead of the alert stage.
        var stored = arrivals.Take(Math.Min(arrivals.Count, s.StopAt + s.Lead)).GroupBy(a => a.AsOf)
            .Select(g => g.MaxBy(a => a.Revision)!).OrderBy(a => a.AsOf).ToList();
        var second = new AlertDetector();
        Keep(AlertHistoryRestore.Replay(second, [stored], [.. alerts.Values]));
        foreach (var score in arrivals.Skip(Math.Max(0, s.StopAt - s.Redelivered)))
        {
            Keep(second.Observe(score, score.EvidenceDocIds));
        }

        var reference = new Dictionary<string, RiskAlert>(StringComparer.Ordinal);
        var once = new AlertDetector();
        foreach (var day in s.Days)
        {
            foreach (var a in once.Observe(Score(day, day.Revisions.Length - 1), Evidence(day.Number)))
            {
                reference[a.AlertId] = a;
            }
        }

        static string Canonical(RiskAlert a) => $"{a.AlertId}|{a.Severity}|{a.Message}|{a.Value:R}|{a.Threshold:R}|{string.Join(',', a.EvidenceDocIds)}";
        var inForce = alerts.Values.Where(a => a.Status == RiskAlert.Active).Select(Canonical).Order(StringComparer.Ordinal).ToList();
        var expected = reference.Values.Where(a => a.Status == RiskAlert.Active).Select(Canonical).Order(StringComparer.Ordinal).ToList();
        return inForce.SequenceEqual(expected).Label(
            $"only after the restart: {string.Join("; ", inForce.Except(expected))}; missing: {string.Join("; ", expected.Except(inForce))}");
    });

    private static string[] Evidence(int day) => [$"doc-{day}"];

    private static RiskScore Score(Day day, int revision)
    {
        var final = revision == day.Revisions.Length - 1;
        var riskClass = final ? day.FinalClass : RiskClass.Performing;
        var asOf = Day0.AddDays(day.Number);
        var (pP, pE, pD) = riskClass switch
        {
            RiskClass.Defaulted => (0.1, 0.2, 0.7),
            RiskClass.Extended => (0.2, 0.6, 0.2),
            _ => (0.8, 0.15, 0.05),
        };
        return new RiskScore($"ISS:{asOf:yyyy-MM-dd}:r{revision}", "ISS", asOf, revision, day.Revisions[revision], 250, 0, 20, pP, pE, pD, riskClass, "test")
        {
            EvidenceDocIds = Evidence(day.Number),
        };
    }
}
