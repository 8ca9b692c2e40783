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
        foreach (var message in batch)
        {
            var document = EventJson.Deserialize<NewsDocument>(message.Value);
            var text = EnrichedDocument.TextOf(document);
            var mentions = recognizer.Recognize(text);
            if (mentions.Count == 0)
            {
                Counters.IssuerFree();
            }
            Counters.Mention(mentions.Count);
            var enriched = new EnrichedDocument(document, mentions);
            output.Emit(Topics.Mentions, document.DocId, document.DocId, enriched, message);
        }
        return ValueTask.CompletedTask;
    }
}
