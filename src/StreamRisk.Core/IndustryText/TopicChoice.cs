using StreamRisk.Core.Events;

namespace StreamRisk.Core.IndustryText;

/// <summary>
/// Combines retrieval with the model's own topic choice. Retrieval follows MulFSA: the top-K nearest topics, kept when
/// the cosine similarity exceeds the threshold, at most three. The model then reads the candidates' definitions and
/// names the topics the text is really about. The final topics, at most <see cref="AnswerGrammar.MaxTopics"/>:
/// <list type="number">
/// <item>topics both retrieved and chosen by the model, by similarity;</item>
/// <item>topics the model chose that retrieval did not keep, with the threshold as their similarity (the weakest a
/// retrieved match can be: the model's judgement counts, but never more than a retrieved match);</item>
/// <item>only when the model chose no topic at all: the retrieved topics (the built-in scorer never chooses, so without
/// an LLM the result is exactly today's retrieval).</item>
/// </list>
/// A model that chose topics but not a retrieved one overrides retrieval: the model read the text, retrieval only
/// measured word overlap. Each topic's contribution to an industry is similarity × sentiment × matrix weight.
/// </summary>
public static class TopicChoice
{
    /// <param name="retrieved">Topics above the threshold, best first (what the retriever keeps).</param>
    public static IReadOnlyList<TopicHit> Combine(IReadOnlyList<TopicHit> retrieved, IReadOnlyList<string> chosen, double threshold)
    {
        ArgumentNullException.ThrowIfNull(retrieved);
        ArgumentNullException.ThrowIfNull(chosen);
        if (chosen.Count == 0)
        {
            return retrieved.Take(AnswerGrammar.MaxTopics).ToList();
        }
        var retrievedIds = retrieved.Select(h => h.TopicId).ToHashSet(StringComparer.Ordinal);
        var agreed = retrieved.Where(h => chosen.Contains(h.TopicId, StringComparer.Ordinal));
        var modelOnly = chosen.Distinct(StringComparer.Ordinal).Where(id => !retrievedIds.Contains(id))
            .Select(id => new TopicHit(id, threshold));
        return agreed.Concat(modelOnly).Take(AnswerGrammar.MaxTopics).ToList();
    }
}
