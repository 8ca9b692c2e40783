using StreamRisk.Core.Events;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Evaluation;

/// <summary>Reads a <see cref="PipelineOutcome"/> from the <c>&lt;topic&gt;.jsonl</c> files a run with <c>--out</c> wrote.</summary>
public static class PipelineOutcomeFiles
{
    public static PipelineOutcome Read(string topicDirectory)
    {
        var admitted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in Events<NewsDocument>(topicDirectory, Topics.Docs)) admitted.Add(doc.DocId);

        var mentions = new HashSet<DocIssuer>();
        foreach (var enriched in Events<EnrichedDocument>(topicDirectory, Topics.Mentions))
        {
            foreach (var mention in enriched.Mentions) mentions.Add(new DocIssuer(enriched.Document.DocId, mention.IssuerId));
        }

        var scores = new Dictionary<DocIssuer, double>();
        foreach (var firm in Events<FirmSentiment>(topicDirectory, Topics.FirmSentiment)) scores[new DocIssuer(firm.DocId, firm.IssuerId)] = firm.Score;

        var latest = new Dictionary<(string IssuerId, DateOnly Day), DailySentiment>();
        foreach (var daily in Events<DailySentiment>(topicDirectory, Topics.DailySentiment))
        {
            var key = (daily.IssuerId, daily.Day);
            if (!latest.TryGetValue(key, out var seen) || daily.Revision >= seen.Revision) latest[key] = daily;
        }
        var index = latest.Values
            .OrderBy(d => d.IssuerId, StringComparer.Ordinal)
            .ThenBy(d => d.Day)
            .ToList();
        return new PipelineOutcome(admitted, mentions, scores, index);
    }

    private static IEnumerable<T> Events<T>(string directory, string topic)
    {
        var path = Path.Combine(directory, topic + ".jsonl");
        return File.Exists(path)
            ? EventJson.DeserializeLines<T>(File.ReadLines(path), (line, ex) => new InputException($"{path} line {line}: {ex.Message}"))
            : throw new InputException($"pipeline output '{path}' is missing (the run should have written every topic)");
    }
}
