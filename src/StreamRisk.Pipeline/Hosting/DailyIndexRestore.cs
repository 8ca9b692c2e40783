using StreamRisk.Core.Events;
using StreamRisk.Core.Indexing;

namespace StreamRisk.Pipeline.Hosting;

/// <summary>
/// Rebuilds the aggregate stage's daily index from stored firm- and industry-level rows, replayed in ingest order one
/// document at a time (industry rows before firm rows, as the stage applies a batch). The values come out the same as
/// the live ones, but in fewer revisions than the live batches took (a late text re-emits every later day it moves), so
/// the caller hands the stored values back to the aggregator (<see cref="DailyAggregator.AdoptEmitted"/>) for its next
/// revisions to outrank them. Pure: the caller reads the rows and writes the corrections.
/// </summary>
public sealed class DailyIndexRestore
{
    private readonly Dictionary<(string IssuerId, DateOnly Day), DailySentiment> _latest = [];

    public DailyIndexRestore(DailyAggregator aggregator, IndustryDailyIndex industryIndex)
    {
        Aggregator = aggregator;
        IndustryIndex = industryIndex;
    }

    public DailyAggregator Aggregator { get; }
    public IndustryDailyIndex IndustryIndex { get; }

    /// <summary>The latest rebuilt value per (issuer, day).</summary>
    public IReadOnlyCollection<DailySentiment> Latest => _latest.Values;

    /// <param name="firm">Stored firm rows in ingest order.</param>
    /// <param name="industry">Stored industry rows in ingest order.</param>
    public void Replay(IReadOnlyList<FirmSentiment> firm, IReadOnlyList<IndustrySentiment> industry)
    {
        int f = 0, i = 0;
        var firmGroup = new List<FirmSentiment>();
        var industryGroup = new List<IndustrySentiment>();
        while (f < firm.Count || i < industry.Count)
        {
            var seq = Math.Min(f < firm.Count ? firm[f].IngestSeq : long.MaxValue, i < industry.Count ? industry[i].IngestSeq : long.MaxValue);
            firmGroup.Clear();
            industryGroup.Clear();
            while (i < industry.Count && industry[i].IngestSeq == seq) industryGroup.Add(industry[i++]);
            while (f < firm.Count && firm[f].IngestSeq == seq) firmGroup.Add(firm[f++]);
            var update = IndustryIndex.Apply(industryGroup, Aggregator.WatermarkAfter(firmGroup));
            foreach (var daily in Aggregator.Apply(firmGroup, update.IssuerMesoScores).Changed)
            {
                _latest[(daily.IssuerId, daily.Day)] = daily;
            }
        }
    }

    /// <summary>
    /// Rebuilt values the store lacks or holds differently: the effects of rows the stage had not consumed before it
    /// stopped. Each is given a revision above the stored one so the store's highest-revision rule keeps it.
    /// </summary>
    public IReadOnlyList<DailySentiment> Corrections(IReadOnlyDictionary<(string IssuerId, DateOnly Day), DailySentiment> stored)
    {
        var corrections = new List<DailySentiment>();
        foreach (var rebuilt in _latest.Values)
        {
            if (!stored.TryGetValue((rebuilt.IssuerId, rebuilt.Day), out var held))
            {
                corrections.Add(rebuilt);
            }
            else if (!SameValue(rebuilt, held))
            {
                var revision = Math.Max(rebuilt.Revision, held.Revision + 1);
                corrections.Add(rebuilt with { Revision = revision, EventId = DailyEventId(rebuilt.IssuerId, rebuilt.Day, revision) });
            }
        }
        corrections.Sort((a, b) => a.IssuerId != b.IssuerId ? string.CompareOrdinal(a.IssuerId, b.IssuerId) : a.Day.CompareTo(b.Day));
        return corrections;
    }

    public static bool SameValue(DailySentiment a, DailySentiment b) =>
        a.FirmCount == b.FirmCount && Nullable.Equals(a.FirmScore, b.FirmScore) && Nullable.Equals(a.MesoScore, b.MesoScore)
        && a.Composite.Equals(b.Composite) && a.Smoothed.Equals(b.Smoothed);

    /// <summary>The aggregator's id format: issuer, day and revision.</summary>
    private static string DailyEventId(string issuerId, DateOnly day, int revision) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{issuerId}:{day:yyyy-MM-dd}:r{revision}");
}
