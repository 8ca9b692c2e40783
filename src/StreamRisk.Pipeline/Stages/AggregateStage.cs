using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Core.Indexing;
using StreamRisk.Core.Storage;

namespace StreamRisk.Pipeline.Stages;

/// <summary>
/// sentiment.firm.v1 + sentiment.industry.v1 → sentiment.daily.v1: event-time daily buckets per issuer, the industry
/// (meso) index folded in, causal wavelet smoothing, and revisions for late texts. Texts later than the allowed
/// lateness go to dlq.v1.
/// </summary>
public sealed class AggregateStage(StageContext context, DailyAggregator aggregator, IndustryDailyIndex industryIndex)
    : PipelineStage(StageName, [Topics.FirmSentiment, Topics.IndustrySentiment], context)
{
    public const string StageName = "aggregate";

    public override bool TakesWholeSteps => true;

    protected override async ValueTask ProcessAsync(IReadOnlyList<ConsumedMessage> batch, StageOutput output, CancellationToken cancellationToken)
    {
        var firm = new List<FirmSentiment>();
        var industry = new List<IndustrySentiment>();
        var causes = new Dictionary<string, ConsumedMessage>(StringComparer.Ordinal);
        foreach (var message in batch)
        {
            if (message.Topic == Topics.FirmSentiment)
            {
                var e = EventJson.Deserialize<FirmSentiment>(message.Value);
                firm.Add(e);
                causes.TryAdd("f:" + e.EventId, message);
            }
            else
            {
                var e = EventJson.Deserialize<IndustrySentiment>(message.Value);
                industry.Add(e);
                causes.TryAdd("i:" + e.EventId, message);
            }
        }
        // A batch interleaves partitions (issuers, industries); the event-time watermark must advance in the order the
        // texts arrived, or one partition's later days would close another's earlier ones. Ingest order restores it.
        firm.Sort((a, b) => a.IngestSeq != b.IngestSeq ? a.IngestSeq.CompareTo(b.IngestSeq) : string.CompareOrdinal(a.EventId, b.EventId));
        industry.Sort((a, b) => a.IngestSeq != b.IngestSeq ? a.IngestSeq.CompareTo(b.IngestSeq) : string.CompareOrdinal(a.EventId, b.EventId));
        // Days the instance let go of (pruning bounds memory) come back from the store before texts for them are
        // applied; a text for such a day that this stage's inbox already holds is a redelivery and is dropped.
        var redelivered = await SeenBeforeAsync(
            industryIndex.NeedingReopen(industry).Select(t => t.EventId).Concat(aggregator.NeedingReopen(firm).Texts.Select(t => t.EventId)),
            cancellationToken).ConfigureAwait(false);
        industry = Drop(industry, redelivered, t => t.EventId);
        firm = Drop(firm, redelivered, t => t.EventId);
        foreach (var (industryId, fromDay, toDay) in DayRanges(industryIndex.NeedingReopen(industry).Select(t => (t.IndustryId, DayOf(t.PublishedAt)))))
        {
            industryIndex.Reopen(industryId, fromDay, toDay,
                await Store.GetAppliedIndustrySentimentsAsync(StageName, industryId, fromDay, cancellationToken).ConfigureAwait(false));
        }
        // Industry days reach their issuers once the whole stream (firm texts included) is a day past them.
        var industryUpdate = industryIndex.Apply(industry, aggregator.WatermarkAfter(firm));

        var toReopen = aggregator.NeedingReopen(firm, industryUpdate.IssuerMesoScores);
        var lateSeen = await SeenBeforeAsync(toReopen.Texts.Select(t => t.EventId).Where(id => !redelivered.Contains(id)), cancellationToken).ConfigureAwait(false);
        firm = Drop(firm, lateSeen, t => t.EventId);
        var reopened = toReopen.Texts.Where(t => !lateSeen.Contains(t.EventId)).Select(t => (t.IssuerId, DayOf(t.PublishedAt)))
            .Concat(toReopen.Meso.Select(m => (m.IssuerId, m.Day))).ToList();
        // A reopened day's change spills over to the related issuers' same days, so theirs come back too.
        var issuerDays = DayRanges(reopened.Concat(reopened.SelectMany(d => aggregator.SpillTargetsOf(d.IssuerId).Select(target => (target, d.Item2)))));
        foreach (var (issuerId, fromDay, toDay) in issuerDays)
        {
            var storedDays = await Store.GetDailySentimentAsync(issuerId, fromDay, null, cancellationToken).ConfigureAwait(false);
            aggregator.Reopen(issuerId, fromDay, toDay, storedDays,
                await Store.GetAppliedFirmSentimentsAsync(StageName, issuerId, fromDay, cancellationToken).ConfigureAwait(false));
        }
        var aggregation = aggregator.Apply(firm, industryUpdate.IssuerMesoScores);

        // A refused text may be one this stage has seen before: redelivered after a restart (its state rebuilt from
        // the inbox) or published twice by an upstream outbox. Its day may be closed or no longer held in memory by
        // now, so the inbox, written with the state, decides: seen before means already counted or already refused.
        var refusedIds = industryUpdate.Rejected.Select(r => r.Input.EventId).Concat(aggregation.RejectedTexts.Select(r => r.Input.EventId)).ToArray();
        var seen = refusedIds.Length == 0
            ? (IReadOnlySet<string>)new HashSet<string>()
            : await Store.GetInboxAsync(StageName, refusedIds, cancellationToken).ConfigureAwait(false);
        var refused = new HashSet<string>(StringComparer.Ordinal);
        // Texts (not events: a text naming three issuers has three) refused as too late, for the run's verdict on its
        // input. Lateness is decided per text (its day and its stamp), so all of a text's events share it, and the
        // lock-step run hands this stage all of a text's events in one batch: counting per batch counts each text once.
        var tooLateTexts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rejected in industryUpdate.Rejected)
        {
            if (Refuse(output, seen, refused, rejected.Input.EventId, causes["i:" + rejected.Input.EventId], rejected.ReasonCode, rejected.Reason)
                && rejected.ReasonCode == RejectionReasons.TooLate)
            {
                tooLateTexts.Add(rejected.Input.DocId);
            }
        }
        foreach (var rejected in aggregation.RejectedTexts)
        {
            if (Refuse(output, seen, refused, rejected.Input.EventId, causes["f:" + rejected.Input.EventId], rejected.ReasonCode, rejected.Reason)
                && rejected.ReasonCode == RejectionReasons.TooLate)
            {
                tooLateTexts.Add(rejected.Input.DocId);
            }
        }
        Counters.TooLateTexts(tooLateTexts.Count);
        foreach (var e in industry)
        {
            if (!refused.Contains(e.EventId) && !seen.Contains(e.EventId))
            {
                output.Store.Inbox.Add(new InboxEntry(StageName, e.EventId, Applied: true));
            }
        }
        foreach (var e in firm)
        {
            if (!refused.Contains(e.EventId) && !seen.Contains(e.EventId))
            {
                output.Store.Inbox.Add(new InboxEntry(StageName, e.EventId, Applied: true));
            }
        }

        var last = batch[^1];
        foreach (var daily in aggregation.Changed)
        {
            output.Store.DailySentiments.Add(daily);
            output.Emit(Topics.DailySentiment, daily.IssuerId, daily.EventId, daily, last);
        }
        Counters.Daily(aggregation.Changed.Count);
    }

    private async Task<IReadOnlySet<string>> SeenBeforeAsync(IEnumerable<string> eventIds, CancellationToken cancellationToken)
    {
        var ids = eventIds.Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }
        var seen = await Store.GetInboxAsync(StageName, ids, cancellationToken).ConfigureAwait(false);
        Counters.Redelivery(seen.Count);
        return seen;
    }

    private static List<T> Drop<T>(List<T> texts, IReadOnlySet<string> ids, Func<T, string> eventId) =>
        ids.Count == 0 ? texts : texts.Where(t => !ids.Contains(eventId(t))).ToList();

    private static DateOnly DayOf(DateTimeOffset publishedAt) => DateOnly.FromDateTime(publishedAt.UtcDateTime);

    /// <summary>Earliest and latest day per key (issuer or industry), in key order.</summary>
    private static IEnumerable<(string Key, DateOnly From, DateOnly To)> DayRanges(IEnumerable<(string Key, DateOnly Day)> days) =>
        days.GroupBy(d => d.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Min(d => d.Day), g.Max(d => d.Day)))
            .OrderBy(r => r.Key, StringComparer.Ordinal);

    /// <returns>Whether the text was dead-lettered now (not seen before, not already refused in this batch).</returns>
    private bool Refuse(StageOutput output, IReadOnlySet<string> seen, HashSet<string> refused, string eventId, ConsumedMessage message, string code, string reason)
    {
        if (seen.Contains(eventId))
        {
            Counters.Redelivery();
            return false;
        }
        if (refused.Add(eventId))
        {
            output.Store.Inbox.Add(new InboxEntry(StageName, eventId, Applied: false));
            DeadLetter(output, message, code, reason);
            return true;
        }
        return false;
    }
}
