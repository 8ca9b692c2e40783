using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Core.Sentiment;
using StreamRisk.Core.Topics;

namespace StreamRisk.Pipeline.Stages;

/// <summary>
/// mentions.v1 (texts naming no issuer) → sentiment.industry.v1: the text's tone, its topics by embedding retrieval,
/// and one event per industry those topics reach through the topic→industry matrix (tone signed by the link).
/// </summary>
public sealed class IndustrySentimentStage(StageContext context, IIndustrySentimentModel model, TopicRetriever topics, TopicIndustryMap matrix)
    : PipelineStage(StageName, [Topics.Mentions], context)
{
    public const string StageName = "industry-sentiment";

    protected override ValueTask ProcessAsync(IReadOnlyList<ConsumedMessage> batch, StageOutput output, CancellationToken cancellationToken)
    {
        foreach (var message in batch)
        {
            var enriched = EventJson.Deserialize<EnrichedDocument>(message.Value);
            if (enriched.Mentions.Count > 0)
            {
                continue;
            }
            var text = enriched.SearchableText;
            var started = Time.GetTimestamp();
            var hits = topics.Retrieve(text);
            Counters.ModelCall("topic_retrieval", Time.GetElapsedTime(started), 1);
            if (hits.Count == 0)
            {
                continue;
            }
            started = Time.GetTimestamp();
            var tone = model.Score(text);
            Counters.ModelCall("industry_tone", Time.GetElapsedTime(started), 1);
            var document = enriched.Document;
            foreach (var exposure in matrix.IndustriesFor(hits))
            {
                var sentiment = new IndustrySentiment($"{document.DocId}:{exposure.IndustryId}", document.DocId, exposure.IndustryId,
                    document.PublishedAt, Math.Clamp(exposure.ToneFor(tone), -1, 1), exposure.Strength, hits,
                    $"{model.ModelId}+{topics.EmbedderId}", document.IngestSeq, document.Watermark);
                output.Store.IndustrySentiments.Add(sentiment);
                output.Emit(Topics.IndustrySentiment, exposure.IndustryId, sentiment.EventId, sentiment, message);
                Counters.Industry();
            }
        }
        return ValueTask.CompletedTask;
    }
}
