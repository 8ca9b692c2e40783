using StreamRisk.Core.Events;

namespace StreamRisk.Core.Simulation;

/// <summary>Where each issuer stands during a run: in the sample yet, extended, defaulted (per-issuer arrays only).</summary>
public sealed class IssuerStanding
{
    private readonly IReadOnlyList<IssuerProfile> _issuers;
    private readonly RiskClass[] _class;
    private readonly DateOnly[] _classSince;

    public IssuerStanding(IReadOnlyList<IssuerProfile> issuers)
    {
        _issuers = issuers;
        _class = new RiskClass[issuers.Count];
        _classSince = new DateOnly[issuers.Count];
    }

    /// <summary>In the sample on <paramref name="day"/> and not defaulted.</summary>
    public bool IsLive(int index, DateOnly day) => day >= _issuers[index].FirstDay && _class[index] != RiskClass.Defaulted;

    public RiskClass Class(int index) => _class[index];

    public DateOnly ClassSince(int index) => _classSince[index];

    public void Move(int index, RiskClass riskClass, DateOnly day)
    {
        _class[index] = riskClass;
        _classSince[index] = day;
    }
}
