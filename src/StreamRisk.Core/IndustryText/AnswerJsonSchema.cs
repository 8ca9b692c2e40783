using System.Text.Json.Nodes;

namespace StreamRisk.Core.IndustryText;

/// <summary>
/// The JSON schema of an answer for servers that enforce one (OpenAI structured outputs, vLLM, llama.cpp server): the
/// same shape as <see cref="AnswerGrammar"/> — a bounded reason, sentiment in {−1, 0, 1}, at most three ids of the topic list.
/// </summary>
public static class AnswerJsonSchema
{
    public const string Name = "industry_answer";

    public static JsonObject Build(IReadOnlyCollection<string> topicIds, int maxReasonChars = IndustryPrompt.MaxReasonChars)
    {
        ArgumentNullException.ThrowIfNull(topicIds);
        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["reason"] = new JsonObject { ["type"] = "string", ["maxLength"] = maxReasonChars },
                ["sentiment"] = new JsonObject { ["type"] = "integer", ["enum"] = new JsonArray(-1, 0, 1) },
                ["topics"] = new JsonObject
                {
                    ["type"] = "array",
                    ["maxItems"] = AnswerGrammar.MaxTopics,
                    ["items"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(topicIds.Select(id => (JsonNode)JsonValue.Create(id)).ToArray()) },
                },
            },
            ["required"] = new JsonArray("reason", "sentiment", "topics"),
            ["additionalProperties"] = false,
        };
    }
}
