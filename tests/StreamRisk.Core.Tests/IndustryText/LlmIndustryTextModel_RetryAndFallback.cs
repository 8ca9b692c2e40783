using StreamRisk.Core.IndustryText;

namespace StreamRisk.Core.Tests.IndustryText;

public class LlmIndustryTextModel_RetryAndFallback
{
    private static readonly HashSet<string> Topics = new(["t1", "t2"], StringComparer.Ordinal);
    private static readonly IndustryTextRequest Request = new("Profits collapsed and defaults soared.", []);

    private sealed class ScriptedBackend(params Func<string>[] answers) : ILanguageModelBackend
    {
        public int Calls { get; private set; }
        public string ModelId => "scripted";
        public Task<string> CompleteAsync(RenderedPrompt prompt, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(answers[Math.Min(Calls++, answers.Length - 1)]());
        }
    }

    [Fact]
    public async Task A_valid_answer_is_used_with_the_model_id_and_prompt_version()
    {
        var backend = new ScriptedBackend(() => "{\"reason\": \"r\", \"sentiment\": 1, \"topics\": [\"t2\"]}");
        var model = new LlmIndustryTextModel(backend, new IndustryPrompt(), Topics);
        var answer = await model.AnalyseAsync(Request, CancellationToken.None);
        Assert.Equal((1.0, "scripted", "industry-en/1", (string?)null, "r"), (answer.Tone, answer.ModelId, answer.PromptVersion, answer.Fallback, answer.Reasoning));
        Assert.Null(answer.FallbackCause);
        Assert.Equal(["t2"], answer.TopicIds);
        Assert.Equal((1L, 0L, 0L), (model.Counters.Valid, model.Counters.Retries, model.Counters.InvalidFallbacks));
    }

    [Fact]
    public async Task An_invalid_answer_is_asked_once_more()
    {
        var backend = new ScriptedBackend(() => "{\"sentiment\": 5}", () => "{\"sentiment\": -1, \"topics\": []}");
        var model = new LlmIndustryTextModel(backend, new IndustryPrompt(), Topics);
        var answer = await model.AnalyseAsync(Request, CancellationToken.None);
        Assert.Equal(-1, answer.Tone);
        Assert.Null(answer.Fallback);
        Assert.Equal(2, backend.Calls);
        Assert.Equal((1L, 1L, 0L), (model.Counters.Valid, model.Counters.Retries, model.Counters.InvalidFallbacks));
    }

    [Fact]
    public async Task Two_invalid_answers_fall_back_to_the_built_in_model_and_say_so()
    {
        var backend = new ScriptedBackend(() => "not json");
        var model = new LlmIndustryTextModel(backend, new IndustryPrompt(), Topics);
        var answer = await model.AnalyseAsync(Request, CancellationToken.None);
        var builtIn = new BuiltInIndustryTextModel().Answer(Request.Text);
        Assert.Equal(builtIn.Tone, answer.Tone);
        Assert.True(answer.Tone < 0);
        Assert.Equal(builtIn.ModelId, answer.ModelId);
        Assert.Equal("none", answer.PromptVersion);
        Assert.StartsWith("scripted (industry-en/1) invalid answer twice: not valid JSON", answer.Fallback);
        Assert.Equal(IndustryFallbackCause.InvalidAnswer, answer.FallbackCause);
        Assert.Equal(2, backend.Calls);
        Assert.Equal((0L, 1L, 1L), (model.Counters.Valid, model.Counters.Retries, model.Counters.InvalidFallbacks));
    }

    [Fact]
    public async Task An_unavailable_backend_falls_back_at_once()
    {
        var backend = new ScriptedBackend(() => throw new LanguageModelUnavailableException("circuit open"));
        var model = new LlmIndustryTextModel(backend, new IndustryPrompt(), Topics);
        var answer = await model.AnalyseAsync(Request, CancellationToken.None);
        Assert.Equal("scripted (industry-en/1) unavailable: circuit open", answer.Fallback);
        Assert.Equal(IndustryFallbackCause.Unavailable, answer.FallbackCause);
        Assert.Equal(1, backend.Calls);
        Assert.Equal(1L, model.Counters.UnavailableFallbacks);
    }

    [Fact]
    public async Task Cancellation_is_not_turned_into_a_fallback()
    {
        var model = new LlmIndustryTextModel(new ScriptedBackend(() => "{}"), new IndustryPrompt(), Topics);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => model.AnalyseAsync(Request, cancelled.Token).AsTask());
    }
}
