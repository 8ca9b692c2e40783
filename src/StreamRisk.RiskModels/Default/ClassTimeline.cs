using StreamRisk.Core.Events;

namespace StreamRisk.RiskModels.Default;

/// <summary>One issuer's class over time from its class changes: performing until the first change. Days are whole
/// days; a change on day d counts as known at the end of d (an origin on d sees it).</summary>
public sealed class ClassTimeline
{
    private readonly ClassChange[] _changes;

    public ClassTimeline(IEnumerable<ClassChange> changes) =>
        _changes = changes.OrderBy(c => c.Day).ThenBy(c => c.Class).ToArray();

    /// <summary>The class at the end of <paramref name="day"/>.</summary>
    public RiskClass At(DateOnly day)
    {
        var current = RiskClass.Performing;
        foreach (var change in _changes)
        {
            if (change.Day > day) break;
            current = change.Class;
        }
        return current;
    }

    /// <summary>Whether the class changes on a day in (<paramref name="after"/>, <paramref name="through"/>].</summary>
    public bool ChangesIn(DateOnly after, DateOnly through) => _changes.Any(c => c.Day > after && c.Day <= through);

    /// <summary>The worst class held at any time in (<paramref name="after"/>, <paramref name="through"/>]: the class
    /// entering the window and every class moved into inside it.</summary>
    public RiskClass WorstIn(DateOnly after, DateOnly through)
    {
        var worst = At(after);
        foreach (var change in _changes)
        {
            if (change.Day > after && change.Day <= through && change.Class > worst) worst = change.Class;
        }
        return worst;
    }
}
