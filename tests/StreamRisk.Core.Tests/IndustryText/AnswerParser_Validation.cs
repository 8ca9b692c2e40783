using StreamRisk.Core.IndustryText;

namespace StreamRisk.Core.Tests.IndustryText;

public class AnswerParser_Validation
{
    private static readonly AnswerParser Parser = new(new HashSet<string>(["t1", "t2", "t3", "t4"], StringComparer.Ordinal));

    [Theory]
    [InlineData("{\"reason\": \"x\", \"sentiment\": -1, \"topics\": [\"t1\"]}", -1, "t1")]
    [InlineData("{\"sentiment\": 0, \"topics\": []}", 0, "")]
    [InlineData("```json\n{\"reason\":\"y\",\"sentiment\":1,\"topics\":[\"t2\",\"t3\",\"t2\"]}\n```", 1, "t2,t3")]
    public void Valid_answers_parse(string raw, int sentiment, string topics)
    {
        var answer = Parser.TryParse(raw, out var problem);
        Assert.NotNull(answer);
        Assert.Equal("", problem);
        Assert.Equal(sentiment, answer.Sentiment);
        Assert.Equal(topics, string.Join(",", answer.TopicIds));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("{\"sentiment\": 2, \"topics\": []}", "sentiment")]
    [InlineData("{\"sentiment\": 0.5, \"topics\": []}", "sentiment")]
    [InlineData("{\"sentiment\": \"1\", \"topics\": []}", "sentiment")]
    [InlineData("{\"sentiment\": 1}", "topics")]
    [InlineData("{\"sentiment\": 1, \"topics\": [\"t9\"]}", "not in the topic list")]
    [InlineData("{\"sentiment\": 1, \"topics\": [1]}", "not in the topic list")]
    [InlineData("{\"sentiment\": 1, \"topics\": [\"t1\",\"t2\",\"t3\",\"t4\"]}", "at most 3")]
    [InlineData("{\"sentiment\": 1, \"topics\": [", "not valid JSON")]
    [InlineData("[1]", "not a JSON object")]
    public void Invalid_answers_are_refused_with_the_reason(string raw, string reason)
    {
        Assert.Null(Parser.TryParse(raw, out var problem));
        Assert.Contains(reason, problem);
    }
}
