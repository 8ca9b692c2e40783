using StreamRisk.Core.IndustryText;
using StreamRisk.Nlp.Llm;

namespace StreamRisk.Nlp.Tests.Llm;

public class GgufLanguageModel_PrefixReuse
{
    [Fact]
    public async Task The_fixed_prompt_is_decoded_once_and_greedy_answers_equal_those_without_reuse()
    {
        var options = new GgufModelOptions { Threads = 1, MaxReasonChars = 24, MaxAnswerTokens = 200 };
        using var reusing = GgufLanguageModel.Load(LlmTestFixtures.ModelPath, LlmTestFixtures.TopicIds, options);
        using var fresh = GgufLanguageModel.Load(LlmTestFixtures.ModelPath, LlmTestFixtures.TopicIds, options with { ReusePrefix = false });
        var prompt = new IndustryPrompt();
        const int texts = 6;
        for (var i = 0; i < texts; i++)
        {
            var rendered = prompt.Render(LlmTestFixtures.Request(i));
            var withReuse = await reusing.CompleteAsync(rendered, CancellationToken.None);
            var without = await fresh.CompleteAsync(rendered, CancellationToken.None);
            // Same tokens at the same positions: the reused KV cache must give exactly the answer a full decode gives.
            Assert.Equal(without, withReuse);
        }

        Assert.Equal(1, reusing.PrefixEvaluations);
        Assert.Equal(texts, fresh.PrefixEvaluations);
        var prefixTokens = (fresh.TokensDecoded - reusing.TokensDecoded) / (texts - 1);
        Assert.True(prefixTokens > 500, $"each text without reuse decoded {prefixTokens} more tokens");
    }

    [Fact]
    public async Task A_changed_fixed_prompt_is_decoded_again()
    {
        using var model = GgufLanguageModel.Load(LlmTestFixtures.ModelPath, LlmTestFixtures.TopicIds,
            new GgufModelOptions { Threads = 1, MaxReasonChars = 8, MaxAnswerTokens = 200 });
        await model.CompleteAsync(new IndustryPrompt(PromptLanguage.English).Render(LlmTestFixtures.Request(0)), CancellationToken.None);
        await model.CompleteAsync(new IndustryPrompt(PromptLanguage.Chinese).Render(LlmTestFixtures.Request(0)), CancellationToken.None);
        await model.CompleteAsync(new IndustryPrompt(PromptLanguage.Chinese).Render(LlmTestFixtures.Request(1)), CancellationToken.None);
        Assert.Equal(2, model.PrefixEvaluations);
    }
}
