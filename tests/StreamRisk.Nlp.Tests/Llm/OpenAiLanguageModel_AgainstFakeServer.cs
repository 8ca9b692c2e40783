using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using StreamRisk.Core.IndustryText;
using StreamRisk.Nlp.Llm;

namespace StreamRisk.Nlp.Tests.Llm;

public class OpenAiLanguageModel_AgainstFakeServer
{
    private const string Valid = "{\"reason\": \"Higher rates hurt borrowers.\", \"sentiment\": -1, \"topics\": [\"ep_rate_hike\"]}";
    private static readonly IndustryPrompt Prompt = new();
    private static readonly OpenAiModelOptions Fast = new()
    {
        Model = "qwen2.5-3b-instruct", RetryDelay = TimeSpan.FromMilliseconds(5), AttemptTimeout = TimeSpan.FromSeconds(10),
    };

    private static (OpenAiLanguageModel Backend, LlmIndustryTextModel Model) Connect(FakeOpenAiServer server, OpenAiModelOptions options, TimeProvider? time = null)
    {
        var backend = new OpenAiLanguageModel(server.BaseUrl, LlmTestFixtures.TopicIds, options, time);
        return (backend, new LlmIndustryTextModel(backend, Prompt, LlmTestFixtures.TopicIdSet));
    }

    [Fact]
    public async Task A_valid_answer_is_read_and_the_request_carries_the_prompt_and_the_json_schema()
    {
        await using var server = await FakeOpenAiServer.StartAsync(new FakeOpenAiServer.Step(Content: Valid));
        var (backend, model) = Connect(server, Fast);
        using var _ = backend;
        var answer = await model.AnalyseAsync(LlmTestFixtures.Request(0), CancellationToken.None);

        Assert.Equal((-1.0, "openai:qwen2.5-3b-instruct", "industry-en/1", (string?)null), (answer.Tone, answer.ModelId, answer.PromptVersion, answer.Fallback));
        Assert.Equal(["ep_rate_hike"], answer.TopicIds);
        using var request = JsonDocument.Parse(Assert.Single(server.Requests));
        var root = request.RootElement;
        Assert.Equal("qwen2.5-3b-instruct", root.GetProperty("model").GetString());
        Assert.Equal(Prompt.Fixed.Count + 1, root.GetProperty("messages").GetArrayLength());
        var format = root.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        var topicEnum = format.GetProperty("json_schema").GetProperty("schema").GetProperty("properties").GetProperty("topics").GetProperty("items").GetProperty("enum");
        Assert.Equal(LlmTestFixtures.TopicIds.Count, topicEnum.GetArrayLength());
    }

    [Fact]
    public async Task A_429_and_a_500_are_retried_with_backoff()
    {
        await using var server = await FakeOpenAiServer.StartAsync(new(Status: 429), new(Status: 500), new(Content: Valid));
        var (backend, model) = Connect(server, Fast);
        using var _ = backend;
        var answer = await model.AnalyseAsync(LlmTestFixtures.Request(0), CancellationToken.None);
        Assert.Null(answer.Fallback);
        Assert.Equal(3, backend.Attempts);
    }

    [Fact]
    public async Task A_server_slower_than_the_timeout_sends_the_text_to_the_built_in_model()
    {
        await using var server = await FakeOpenAiServer.StartAsync(new FakeOpenAiServer.Step(Content: Valid, Delay: TimeSpan.FromSeconds(5)));
        var (backend, model) = Connect(server, Fast with { AttemptTimeout = TimeSpan.FromMilliseconds(200), MaxRetries = 1 });
        using var _ = backend;
        var answer = await model.AnalyseAsync(LlmTestFixtures.Request(0), CancellationToken.None);
        Assert.Equal("lexicon-industry/1", answer.ModelId);
        Assert.Contains("no answer within 0.2 s (after 2 attempt(s))", answer.Fallback);
        Assert.Equal(2, backend.Attempts);
        Assert.Equal(1, model.Counters.UnavailableFallbacks);
    }

    [Fact]
    public async Task Invalid_JSON_content_is_asked_once_more_then_replaced_by_the_built_in_model()
    {
        await using var server = await FakeOpenAiServer.StartAsync(new FakeOpenAiServer.Step(Content: "I think the news is positive."));
        var (backend, model) = Connect(server, Fast);
        using var _ = backend;
        var answer = await model.AnalyseAsync(LlmTestFixtures.Request(0), CancellationToken.None);
        Assert.Contains("invalid answer twice: not valid JSON", answer.Fallback);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal((1L, 1L), (model.Counters.Retries, model.Counters.InvalidFallbacks));
    }

    [Fact]
    public async Task A_body_that_is_not_a_chat_completion_is_retried_then_unavailable()
    {
        await using var server = await FakeOpenAiServer.StartAsync(new FakeOpenAiServer.Step(RawBody: "<html>gateway</html>"));
        var (backend, model) = Connect(server, Fast with { MaxRetries = 1 });
        using var _ = backend;
        var answer = await model.AnalyseAsync(LlmTestFixtures.Request(0), CancellationToken.None);
        Assert.Contains("unavailable", answer.Fallback);
        Assert.Equal(2, backend.Attempts);
    }

    [Fact]
    public async Task After_repeated_failures_the_circuit_opens_and_a_trial_call_closes_it_again()
    {
        await using var server = await FakeOpenAiServer.StartAsync(new(Status: 500), new(Status: 500), new(Content: Valid));
        var time = new FakeTimeProvider();
        var (backend, model) = Connect(server, Fast with { MaxRetries = 0, BreakAfterFailures = 2, BreakDuration = TimeSpan.FromSeconds(30) }, time);
        using var _ = backend;
        await model.AnalyseAsync(LlmTestFixtures.Request(0), CancellationToken.None);
        await model.AnalyseAsync(LlmTestFixtures.Request(1), CancellationToken.None);
        var whileOpen = await model.AnalyseAsync(LlmTestFixtures.Request(2), CancellationToken.None);
        Assert.Contains("circuit open", whileOpen.Fallback);
        Assert.Equal(2, backend.Attempts);
        Assert.Equal(1, backend.Breaker.TimesOpened);

        time.Advance(TimeSpan.FromSeconds(31));
        var trial = await model.AnalyseAsync(LlmTestFixtures.Request(3), CancellationToken.None);
        Assert.Null(trial.Fallback);
        Assert.Equal(3, backend.Attempts);
    }

    [Fact]
    public async Task No_more_requests_than_the_concurrency_limit_are_in_flight()
    {
        await using var server = await FakeOpenAiServer.StartAsync(new FakeOpenAiServer.Step(Content: Valid, Delay: TimeSpan.FromMilliseconds(300)));
        var (backend, model) = Connect(server, Fast with { MaxConcurrency = 2 });
        using var _ = backend;
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => model.AnalyseAsync(LlmTestFixtures.Request(i), CancellationToken.None).AsTask()));
        Assert.All(answers, a => Assert.Null(a.Fallback));
        Assert.Equal(2, server.MaxInFlight);
    }

    [Fact]
    public async Task Cancellation_stops_the_call_without_a_fallback()
    {
        await using var server = await FakeOpenAiServer.StartAsync(new FakeOpenAiServer.Step(Content: Valid, Delay: TimeSpan.FromSeconds(5)));
        var (backend, model) = Connect(server, Fast);
        using var _ = backend;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => model.AnalyseAsync(LlmTestFixtures.Request(0), cancel.Token).AsTask());
    }

    [Theory]
    [InlineData("http://localhost:8080", "http://localhost:8080/v1")]
    [InlineData("http://localhost:8080/v1", "http://localhost:8080/v1")]
    [InlineData("https://gpu-box/api/v1/", "https://gpu-box/api/v1/")]
    [InlineData("http://gpu-box:11434/api", "http://gpu-box:11434/api/v1")]
    public void The_api_base_ends_in_v1(string given, string expected) =>
        Assert.Equal(expected, OpenAiLanguageModel.ApiBase(new Uri(given)).ToString());

    [Fact]
    public void A_url_that_is_not_http_is_a_configuration_error() =>
        Assert.Throws<LanguageModelConfigurationException>(() => OpenAiLanguageModel.ApiBase(new Uri("ftp://models/")));
}
