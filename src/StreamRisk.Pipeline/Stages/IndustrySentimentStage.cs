using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Core.Graph;
using StreamRisk.Core.IndustryText;
using StreamRisk.Core.Topics;

namespace StreamRisk.Pipeline.Stages;

/// <summary>
/// mentions.v1 (texts naming no issuer) → sentiment.industry.v1: the text's topics by embedding retrieval, its tone
/// (and, for an LLM, its own topic choice among the retrieved candidates, whose definitions it reads), and one event
/// per industry those topics reach through the knowledge graph's AFFECTS edges (tone signed by the link), with the
/// topic→industry paths that carried it (<see cref="TopicPaths"/>). Texts whose nearest
/// topics are all below the threshold are not sent to the model. A batch's texts are read concurrently (the model
/// bounds its own concurrency) and emitted in input order.
/// </summary>
public sealed class IndustrySentimentStage(StageContext context, IIndustryTextModel model, TopicRetriever topics, IKnowledgeGraph graph)
    : PipelineStage(StageName, [Topics.Mentions], context)
{
    public const string StageName = "industry-sentiment";

    /// <summary>An answer still on its way (an LLM read concurrently with the batch's others), timed when it arrives.</summary>
    private async Task<IndustryTextAnswer> TimedAsync(ValueTask<IndustryTextAnswer> answer, long asked)
    {
        var result = await answer.ConfigureAwait(false);
        Counters.ModelCall("industry_text", Time.GetElapsedTime(asked), 1);
        return result;
    }

    private sealed record Pending(ConsumedMessage Message, EnrichedDocument Enriched, IReadOnlyList<TopicHit> Hits);

    protected override async ValueTask ProcessAsync(IReadOnlyList<ConsumedMessage> batch, StageOutput output, CancellationToken cancellationToken)
    {
        var pending = new List<Pending>();
        var answers = new List<IndustryTextAnswer?>();
        var waiting = new List<(int Index, Task<IndustryTextAnswer> Task)>();
        foreach (var message in batch)
        {
            var enriched = EventJson.Deserialize<EnrichedDocument>(message.Value);
            if (enriched.Mentions.Count > 0)
            {
                continue;
            }
            var text = enriched.SearchableText;
            var started = Time.GetTimestamp();
            // Both complete synchronously over the embedded index and graph.
            var neighbours = await topics.NeighboursAsync(text, cancellationToken).ConfigureAwait(false);
            var hits = topics.Keep(neighbours);
            Counters.ModelCall("topic_retrieval", Time.GetElapsedTime(started), 1);
            if (hits.Count == 0)
            {
                continue;
            }
            var candidates = neighbours.Select(n => topics.Find(n.TopicId) is { } t ? new TopicCandidate(t.TopicId, t.Name, t.Definition, n.Similarity) : null)
                .OfType<TopicCandidate>().ToList();
            var asked = Time.GetTimestamp();
            var answer = model.AnalyseAsync(new IndustryTextRequest(text, candidates), cancellationToken);
            pending.Add(new Pending(message, enriched, hits));
            if (answer.IsCompletedSuccessfully)
            {
                Counters.ModelCall("industry_text", Time.GetElapsedTime(asked), 1);
                answers.Add(answer.Result);
            }
            else
            {
                answers.Add(null);
                waiting.Add((answers.Count - 1, TimedAsync(answer, asked)));
            }
        }
        foreach (var (index, task) in waiting)
        {
            answers[index] = await task.ConfigureAwait(false);
        }

        for (var i = 0; i < pending.Count; i++)
        {
            var (message, enriched, hits) = pending[i];
            var answer = answers[i]!;
            if (answer.Fallback is not null)
            {
                Counters.IndustryLlmFallback(answer.FallbackCause == IndustryFallbackCause.Unavailable);
            }
            else if (answer.PromptVersion != BuiltInIndustryTextModel.NoPrompt)
            {
                Counters.IndustryLlmAnswer();
            }
            var chosen = TopicChoice.Combine(hits, answer.TopicIds, topics.Options.MinSimilarity);
            var document = enriched.Document;
            // One read of the hit topics' AFFECTS edges weighs the exposures and gives the paths that explain them, so
            // both come from the same edges (and a network graph is asked once per text).
            var links = await graph.EffectsOfAsync(chosen.Where(h => h.Similarity > 0).Select(h => h.TopicId).ToList(), cancellationToken).ConfigureAwait(false);
            var exposures = new TopicIndustryMap(links).IndustriesFor(chosen);
            if (exposures.Count == 0)
            {
                continue;
            }
            var paths = TopicPaths.For(chosen, links, answer.Tone);
            foreach (var exposure in exposures)
            {
                var sentiment = new IndustrySentiment($"{document.DocId}:{exposure.IndustryId}", document.DocId, exposure.IndustryId,
                    document.PublishedAt, Math.Clamp(exposure.ToneFor(answer.Tone), -1, 1), exposure.Strength, chosen,
                    $"{answer.ModelId}+{topics.EmbedderId}", document.IngestSeq, document.Watermark, answer.PromptVersion, answer.Fallback,
                    paths.GetValueOrDefault(exposure.IndustryId) ?? []);
                output.Store.IndustrySentiments.Add(sentiment);
                output.Emit(Topics.IndustrySentiment, exposure.IndustryId, sentiment.EventId, sentiment, message);
                Counters.Industry();
            }
        }
    }
}
