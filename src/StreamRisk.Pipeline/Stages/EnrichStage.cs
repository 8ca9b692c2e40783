using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Core.Text;

namespace StreamRisk.Pipeline.Stages;

/// <summary>docs.v1 → mentions.v1: finds and links the issuers each document names (NER + entity linking).</summary>
public sealed class EnrichStage(StageContext context, IIssuerRecognizer recognizer)
    : PipelineStage(StageName, [Topics.Docs], context)
{
    public const string StageName = "enrich";

    protected override ValueTask ProcessAsync(IReadOnlyList<ConsumedMessage> batch, StageOutput output, CancellationToken cancellationToken)
    {
        // Recognition is pure and the recogniser thread-safe: spread the batch over the cores, keep the input order.
        var enriched = new EnrichedDocument[batch.Count];
        BatchParallel.For(batch.Count, i =>
        {
            var document = EventJson.Deserialize<NewsDocument>(batch[i].Value);
            enriched[i] = new EnrichedDocument(document, recognizer.Recognize(EnrichedDocument.TextOf(document)));
        });
        for (var i = 0; i < batch.Count; i++)
        {
            var (message, document, mentions) = (batch[i], enriched[i].Document, enriched[i].Mentions);
            if (mentions.Count == 0)
            {
                Counters.IssuerFree();
            }
            Counters.Mention(mentions.Count);
            output.Emit(Topics.Mentions, document.DocId, document.DocId, enriched[i], message);
        }
        return ValueTask.CompletedTask;
    }
}
