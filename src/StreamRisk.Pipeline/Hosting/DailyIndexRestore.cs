using StreamRisk.Core.Events;
using StreamRisk.Core.Indexing;

namespace StreamRisk.Pipeline.Hosting;

/// <summary>
/// Rebuilds the aggregate stage's daily index from stored firm- and industry-level rows, replayed in ingest order one
/// document at a time (industry rows before firm rows, as the stage applies a batch). Applying per document gives each
/// issuer-day at least as many revisions as the live batches did, so values the restarted stage emits next outrank
/// the stored ones. Pure: the caller reads the rows and writes the corrections.
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
    /// <param name="refused">Event ids the stage dead-lettered (too late, invalid): batch boundaries decided which texts
    /// came too late and cannot be reconstructed, so the stage's own verdicts are taken instead of being re-judged.</param>
    public void Replay(IReadOnlyList<FirmSentiment> firm, IReadOnlyList<IndustrySentiment> industry, IReadOnlySet<string>? refused = null)
    {
        if (refused is { Count: > 0 })
        {
            firm = firm.Where(f => !refused.Contains(f.EventId)).ToList();
            industry = industry.Where(i => !refused.Contains(i.EventId)).ToList();
        }
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
            var update = IndustryIndex.Apply(industryGroup);
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

    /// <summary>Event ids of the sentiment inputs the aggregate stage dead-lettered, read from the letters' original bytes.</summary>
    public static HashSet<string> RefusedEventIds(IEnumerable<DeadLetter> letters, string stage)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var letter in letters)
        {
            if (letter.Stage != stage || letter.SourceTopic is not (Topics.FirmSentiment or Topics.IndustrySentiment))
            {
                continue;
            }
            try
            {
                using var document = System.Text.Json.JsonDocument.Parse(Convert.FromBase64String(letter.OriginalBase64));
                if (document.RootElement.TryGetProperty("event_id", out var id) && id.GetString() is { } eventId)
                {
                    ids.Add(eventId);
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // Not an event this stage could have counted.
            }
        }
        return ids;
    }

    public static bool SameValue(DailySentiment a, DailySentiment b) =>
        a.FirmCount == b.FirmCount && Nullable.Equals(a.FirmScore, b.FirmScore) && Nullable.Equals(a.MesoScore, b.MesoScore)
        && a.Composite.Equals(b.Composite) && a.Smoothed.Equals(b.Smoothed);

    /// <summary>The aggregator's id format: issuer, day and revision.</summary>
    private static string DailyEventId(string issuerId, DateOnly day, int revision) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{issuerId}:{day:yyyy-MM-dd}:r{revision}");
}
