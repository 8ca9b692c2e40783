using StreamRisk.Core.IndustryText;
using StreamRisk.Nlp.Llm;

namespace StreamRisk.Nlp.Tests.Llm;

public class GgufLanguageModel_CancellationAndTimeout
{
    private static readonly IndustryPrompt Prompt = new();

    [Fact]
    public async Task A_cancelled_call_throws_and_the_model_still_answers_the_next_text()
    {
        using var model = GgufLanguageModel.Load(LlmTestFixtures.ModelPath, LlmTestFixtures.TopicIds,
            new GgufModelOptions { Threads = 1, MaxReasonChars = 8, MaxAnswerTokens = 200 });
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => model.CompleteAsync(Prompt.Render(LlmTestFixtures.Request(0)), cancelled.Token));

        var raw = await model.CompleteAsync(Prompt.Render(LlmTestFixtures.Request(1)), CancellationToken.None);
        Assert.NotNull(new AnswerParser(LlmTestFixtures.TopicIdSet).TryParse(raw, out var problem));
        Assert.Equal("", problem);
    }

    [Fact]
    public async Task A_text_past_the_timeout_is_reported_unavailable_so_the_built_in_model_answers()
    {
        using var model = GgufLanguageModel.Load(LlmTestFixtures.ModelPath, LlmTestFixtures.TopicIds,
            new GgufModelOptions { Threads = 1, MaxReasonChars = 8, MaxAnswerTokens = 200, Timeout = TimeSpan.FromMilliseconds(1) });
        var llm = new LlmIndustryTextModel(model, Prompt, LlmTestFixtures.TopicIdSet);
        var answer = await llm.AnalyseAsync(LlmTestFixtures.Request(2), CancellationToken.None);
        Assert.Contains("unavailable", answer.Fallback);
        Assert.Contains("no answer within", answer.Fallback);
        Assert.Equal(1, llm.Counters.UnavailableFallbacks);
    }

    [Fact]
    public async Task A_prompt_longer_than_the_context_is_reported_unavailable_not_a_crash()
    {
        using var model = GgufLanguageModel.Load(LlmTestFixtures.ModelPath, LlmTestFixtures.TopicIds,
            new GgufModelOptions { Threads = 1, MaxReasonChars = 8, MaxAnswerTokens = 200, ContextSize = 2048 });
        var huge = new IndustryTextRequest(string.Concat(Enumerable.Repeat("Oil prices rose again. ", 200)), []);
        var error = await Assert.ThrowsAsync<LanguageModelUnavailableException>(() => model.CompleteAsync(Prompt.Render(huge), CancellationToken.None));
        Assert.Contains("context holds 2048", error.Message);
    }
}
