using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Core.Indexing;

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

    protected override ValueTask ProcessAsync(IReadOnlyList<ConsumedMessage> batch, StageOutput output, CancellationToken cancellationToken)
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
        foreach (var rejected in industryUpdate.Rejected)
        {
            DeadLetter(output, causes["i:" + rejected.Input.EventId], rejected.ReasonCode, rejected.Reason);
        }
        var aggregation = aggregator.Apply(firm, industryUpdate.IssuerMesoScores);
        foreach (var rejected in aggregation.RejectedTexts)
        {
            DeadLetter(output, causes["f:" + rejected.Input.EventId], rejected.ReasonCode, rejected.Reason);
        }
        var last = batch[^1];
        foreach (var daily in aggregation.Changed)
        {
            output.Store.DailySentiments.Add(daily);
            output.Emit(Topics.DailySentiment, daily.IssuerId, daily.EventId, daily, last);
        }
        Counters.Daily(aggregation.Changed.Count);
        return ValueTask.CompletedTask;
    }
}
