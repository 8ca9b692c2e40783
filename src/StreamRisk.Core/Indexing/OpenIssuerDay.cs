using StreamRisk.Core.Events;

namespace StreamRisk.Core.Indexing;

/// <summary>The full state of one issuer-day that late texts may still change; dropped once the day closes.</summary>
internal sealed class OpenIssuerDay(int topDocCount)
{
    public FixedPointSum FirmSum;
    public int FirmCount;
    public double? Meso;
    public readonly HashSet<string> EventIds = new(StringComparer.Ordinal);
    public readonly TopDocuments TopDocs = new(topDocCount);
    public DailySentiment? LastEmitted;

    public double? FirmScore => FirmCount == 0 ? null : FirmSum.Value / FirmCount;
}
