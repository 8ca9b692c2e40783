using System.Text.Json;

namespace StreamRisk.Core.IndustryText;

/// <summary>A model answer that parsed and passed validation.</summary>
public sealed record ParsedAnswer(int Sentiment, IReadOnlyList<string> TopicIds, string Reason);

/// <summary>
/// Validates a model's raw answer, whatever produced it (grammar-constrained sampling, JSON mode or a JSON schema):
/// one JSON object with <c>sentiment</c> an integer in {−1, 0, 1}, <c>topics</c> an array of at most
/// <see cref="AnswerGrammar.MaxTopics"/> ids of the topic list and an optional string <c>reason</c>. A repeated id counts
/// once. Markdown code fences around the object (which chat servers add even in JSON mode) are tolerated.
/// </summary>
public sealed class AnswerParser(IReadOnlySet<string> topicIds)
{
    /// <summary>The parsed answer, or null with <paramref name="problem"/> saying what is wrong.</summary>
    public ParsedAnswer? TryParse(string? raw, out string problem)
    {
        problem = "";
        var json = Unfence(raw);
        if (json.Length == 0)
        {
            problem = "empty answer";
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "the answer is not a JSON object";
                return null;
            }
            if (!root.TryGetProperty("sentiment", out var sentimentElement)
                || sentimentElement.ValueKind != JsonValueKind.Number
                || !sentimentElement.TryGetInt32(out var sentiment) || sentiment is < -1 or > 1)
            {
                problem = "\"sentiment\" is missing or not -1, 0 or 1";
                return null;
            }
            if (!root.TryGetProperty("topics", out var topicsElement) || topicsElement.ValueKind != JsonValueKind.Array)
            {
                problem = "\"topics\" is missing or not an array";
                return null;
            }
            var topics = new List<string>();
            foreach (var item in topicsElement.EnumerateArray())
            {
                var id = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
                if (id is null || !topicIds.Contains(id))
                {
                    problem = $"topic {item.GetRawText()} is not in the topic list";
                    return null;
                }
                if (!topics.Contains(id, StringComparer.Ordinal))
                {
                    topics.Add(id);
                }
            }
            if (topics.Count > AnswerGrammar.MaxTopics)
            {
                problem = $"{topics.Count} topics named, at most {AnswerGrammar.MaxTopics} allowed";
                return null;
            }
            var reason = root.TryGetProperty("reason", out var reasonElement) && reasonElement.ValueKind == JsonValueKind.String
                ? reasonElement.GetString() ?? ""
                : "";
            return new ParsedAnswer(sentiment, topics, reason);
        }
        catch (JsonException ex)
        {
            problem = "not valid JSON: " + ex.Message;
            return null;
        }
    }

    private static string Unfence(string? raw)
    {
        var text = (raw ?? "").Trim();
        if (text.StartsWith("```", StringComparison.Ordinal))
        {
            var firstLine = text.IndexOf('\n');
            var close = text.LastIndexOf("```", StringComparison.Ordinal);
            if (firstLine > 0 && close > firstLine)
            {
                text = text[(firstLine + 1)..close].Trim();
            }
        }
        return text;
    }
}
