namespace StreamRisk.Infrastructure.Postgres;

/// <summary>Ordinal order of (issuer or other id, day) keys.</summary>
public sealed class IssuerDayOrder : IComparer<(string Id, DateOnly Day)>
{
    public static readonly IssuerDayOrder Instance = new();

    public int Compare((string Id, DateOnly Day) x, (string Id, DateOnly Day) y)
    {
        var byId = string.CompareOrdinal(x.Id, y.Id);
        return byId != 0 ? byId : x.Day.CompareTo(y.Day);
    }
}
