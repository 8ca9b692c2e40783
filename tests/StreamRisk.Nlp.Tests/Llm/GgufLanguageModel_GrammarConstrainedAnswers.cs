using StreamRisk.Core.IndustryText;
using StreamRisk.Nlp.Llm;

namespace StreamRisk.Nlp.Tests.Llm;

public class GgufLanguageModel_GrammarConstrainedAnswers
{
    [Fact]
    public async Task Every_one_of_200_sampled_answers_of_a_random_model_is_valid()
    {
        // Short reasons keep 200 generations within seconds; the grammar's shape is the shipped one.
        var options = new GgufModelOptions { Temperature = 1.0f, MaxReasonChars = 24, MaxAnswerTokens = 200, Threads = 1 };
        var prompt = new IndustryPrompt();
        var parser = new AnswerParser(LlmTestFixtures.TopicIdSet);
        var invalid = new List<string>();
        var sentiments = new HashSet<int>();
        var topicCounts = new HashSet<int>();
        using var model = GgufLanguageModel.Load(LlmTestFixtures.ModelPath, LlmTestFixtures.TopicIds, options);
        for (var seed = 0; seed < 200; seed++)
        {
            var raw = await model.CompleteAsync(prompt.Render(LlmTestFixtures.Request(seed)), CancellationToken.None);
            var answer = parser.TryParse(raw, out var problem);
            if (answer is null)
            {
                invalid.Add($"{problem}: {raw}");
                continue;
            }
            sentiments.Add(answer.Sentiment);
            topicCounts.Add(answer.TopicIds.Count);
        }

        Assert.Empty(invalid);
        // Random weights under a grammar still explore the answer space: the test would notice a grammar that
        // admits only one answer.
        Assert.Equal(3, sentiments.Count);
        Assert.True(topicCounts.Count >= 2, "topic list lengths seen: " + string.Join(",", topicCounts));
    }

    [Theory]
    [InlineData(PromptLanguage.English)]
    [InlineData(PromptLanguage.Chinese)]
    public async Task The_shipped_grammar_with_full_length_reasons_parses_and_constrains_in_llama_cpp(PromptLanguage language)
    {
        using var model = GgufLanguageModel.Load(LlmTestFixtures.ModelPath, LlmTestFixtures.TopicIds, new GgufModelOptions { Temperature = 1.0f, Threads = 1 });
        var prompt = new IndustryPrompt(language);
        var parser = new AnswerParser(LlmTestFixtures.TopicIdSet);
        for (var seed = 0; seed < 5; seed++)
        {
            var raw = await model.CompleteAsync(prompt.Render(LlmTestFixtures.Request(seed)), CancellationToken.None);
            Assert.True(parser.TryParse(raw, out var problem) is not null, $"{problem}: {raw}");
        }
    }
}
