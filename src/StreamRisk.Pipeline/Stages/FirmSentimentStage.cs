using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Core.Sentiment;

namespace StreamRisk.Pipeline.Stages;

/// <summary>
/// mentions.v1 → sentiment.firm.v1: one aspect-sentiment event per (document, issuer named in it). The whole batch
/// goes to the model in one call so that batched models (ONNX) fill their batches.
/// </summary>
public sealed class FirmSentimentStage(StageContext context, IFirmSentimentModel model)
    : PipelineStage(StageName, [Topics.Mentions], context)
{
    public const string StageName = "firm-sentiment";

    protected override ValueTask ProcessAsync(IReadOnlyList<ConsumedMessage> batch, StageOutput output, CancellationToken cancellationToken)
    {
        var requests = new List<AspectRequest>();
        var origins = new List<(ConsumedMessage Message, NewsDocument Document, int MentionCount)>();
        foreach (var message in batch)
        {
            var enriched = EventJson.Deserialize<EnrichedDocument>(message.Value);
            if (enriched.Mentions.Count == 0)
            {
                continue;
            }
            var text = enriched.SearchableText;
            // Issuers in order of first mention: a stable order keeps the output deterministic.
            foreach (var group in enriched.Mentions.GroupBy(m => m.IssuerId, StringComparer.Ordinal))
            {
                var mentions = group.ToArray();
                requests.Add(new AspectRequest(text, group.Key, mentions));
                origins.Add((message, enriched.Document, mentions.Length));
            }
        }
        if (requests.Count == 0)
        {
            return ValueTask.CompletedTask;
        }
        var started = Time.GetTimestamp();
        var scores = model.Score(requests);
        Counters.ModelCall("firm_sentiment", Time.GetElapsedTime(started), requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var (message, document, count) = origins[i];
            var p = scores[i];
            var issuerId = requests[i].IssuerId;
            var sentiment = new FirmSentiment($"{document.DocId}:{issuerId}", document.DocId, issuerId, document.PublishedAt,
                p.Negative, p.Neutral, p.Positive, p.Score, count, model.ModelId, document.IngestSeq, document.Watermark);
            output.Store.FirmSentiments.Add(sentiment);
            output.Emit(Topics.FirmSentiment, issuerId, sentiment.EventId, sentiment, message);
        }
        Counters.Firm(requests.Count);
        return ValueTask.CompletedTask;
    }
}
