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
        var industryUpdate = industryIndex.Apply(industry);
        var aggregation = aggregator.Apply(firm, industryUpdate.IssuerMesoScores);

        // A refused text may be one this stage has seen before: redelivered after a restart (its state rebuilt from
        // the inbox) or published twice by an upstream outbox. Its day may be closed or no longer held in memory by
        // now, so the inbox, written with the state, decides: seen before means already counted or already refused.
        var refusedIds = industryUpdate.Rejected.Select(r => r.Input.EventId).Concat(aggregation.RejectedTexts.Select(r => r.Input.EventId)).ToArray();
        var seen = refusedIds.Length == 0
            ? (IReadOnlySet<string>)new HashSet<string>()
            : await Store.GetInboxAsync(StageName, refusedIds, cancellationToken).ConfigureAwait(false);
        var refused = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rejected in industryUpdate.Rejected)
        {
            Refuse(output, seen, refused, rejected.Input.EventId, causes["i:" + rejected.Input.EventId], rejected.ReasonCode, rejected.Reason);
        }
        foreach (var rejected in aggregation.RejectedTexts)
        {
            Refuse(output, seen, refused, rejected.Input.EventId, causes["f:" + rejected.Input.EventId], rejected.ReasonCode, rejected.Reason);
        }
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

    private void Refuse(StageOutput output, IReadOnlySet<string> seen, HashSet<string> refused, string eventId, ConsumedMessage message, string code, string reason)
    {
        if (seen.Contains(eventId))
        {
            Counters.Redelivery();
            return;
        }
        if (refused.Add(eventId))
        {
            output.Store.Inbox.Add(new InboxEntry(StageName, eventId, Applied: false));
            DeadLetter(output, message, code, reason);
        }
    }
}
