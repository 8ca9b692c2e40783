using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI;
using StreamRisk.Core.IndustryText;

namespace StreamRisk.Nlp.Llm;

/// <summary>
/// Any OpenAI-compatible chat server (llama.cpp server, vLLM, Ollama: the GPU path) through Microsoft.Extensions.AI.
/// The answer format is enforced by a JSON schema (or JSON mode) and validated by <see cref="LlmIndustryTextModel"/>.
/// Each attempt has a timeout; a 429, a 5xx, a timeout or a broken response is retried with exponential backoff and
/// jitter; at most <see cref="OpenAiModelOptions.MaxConcurrency"/> requests are in flight; after
/// <see cref="OpenAiModelOptions.BreakAfterFailures"/> failed calls in a row the circuit opens and every text goes
/// to the built-in model (the event says so) until a trial call succeeds. The SDK's own retries are switched off so
/// this policy is the only one.
/// </summary>
public sealed class OpenAiLanguageModel : ILanguageModelBackend, IDisposable
{
    private readonly IChatClient _client;
    private readonly OpenAiModelOptions _options;
    private readonly ChatOptions _chatOptions;
    private readonly SemaphoreSlim _slots;
    private readonly TimeProvider _time;
    private long _attempts;

    public OpenAiLanguageModel(Uri baseUrl, IReadOnlyCollection<string> topicIds, OpenAiModelOptions? options = null,
        TimeProvider? time = null, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        _options = options ?? new OpenAiModelOptions();
        _time = time ?? TimeProvider.System;
        var endpoint = ApiBase(baseUrl);
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };
        if (httpClient is not null)
        {
            clientOptions.Transport = new HttpClientPipelineTransport(httpClient);
        }
        _client = new OpenAIClient(new ApiKeyCredential(_options.ApiKey), clientOptions).GetChatClient(_options.Model).AsIChatClient();
        _chatOptions = new ChatOptions
        {
            Temperature = 0,
            MaxOutputTokens = _options.MaxAnswerTokens,
            ResponseFormat = _options.ResponseFormat == ResponseFormatKind.JsonSchema
                ? ChatResponseFormat.ForJsonSchema(JsonSerializer.SerializeToElement(AnswerJsonSchema.Build(topicIds, _options.MaxReasonChars)), AnswerJsonSchema.Name)
                : ChatResponseFormat.Json,
        };
        _slots = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrency));
        Breaker = new CircuitBreaker(Math.Max(1, _options.BreakAfterFailures), _options.BreakDuration, _time);
        ModelId = "openai:" + _options.Model;
        Endpoint = endpoint;
    }

    public string ModelId { get; }

    /// <summary>The API base the requests go to (always ending in <c>/v1</c>).</summary>
    public Uri Endpoint { get; }

    public CircuitBreaker Breaker { get; }

    /// <summary>HTTP attempts made so far (first tries and retries).</summary>
    public long Attempts => Interlocked.Read(ref _attempts);

    /// <summary>The server's API base: the URL as given when it ends in <c>/v1</c>, else with <c>/v1</c> appended
    /// (llama.cpp server, vLLM and Ollama all serve the OpenAI API there).</summary>
    /// <exception cref="LanguageModelConfigurationException">Not an absolute http(s) URL.</exception>
    public static Uri ApiBase(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.Host.Length == 0)
        {
            throw new LanguageModelConfigurationException($"'{url}' is not an http(s) URL of an OpenAI-compatible server (e.g. http://localhost:8080/v1)");
        }
        var path = url.AbsolutePath.TrimEnd('/');
        return path.EndsWith("/v1", StringComparison.Ordinal) ? url : new Uri(url, path + "/v1");
    }

    public async Task<string> CompleteAsync(RenderedPrompt prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (!Breaker.TryEnter())
        {
            throw new LanguageModelUnavailableException("circuit open after repeated failures of " + Endpoint);
        }
        var messages = prompt.All.Select(m => new ChatMessage(new ChatRole(m.Role), m.Content)).ToList();
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var delay = _options.RetryDelay;
            for (var attempt = 0; ; attempt++)
            {
                var failure = await TryOnceAsync(messages, cancellationToken).ConfigureAwait(false);
                if (failure.Answer is { } answer)
                {
                    Breaker.Success();
                    return answer;
                }
                if (!failure.Transient || attempt >= _options.MaxRetries)
                {
                    Breaker.Failure();
                    throw new LanguageModelUnavailableException($"{failure.Problem} (after {attempt + 1} attempt(s))");
                }
                var jittered = delay * (0.5 + (Random.Shared.NextDouble() * 0.5));
                await Task.Delay(jittered, _time, cancellationToken).ConfigureAwait(false);
                delay *= 2;
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private readonly record struct AttemptResult(string? Answer, bool Transient, string Problem);

    private async Task<AttemptResult> TryOnceAsync(List<ChatMessage> messages, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.AttemptTimeout);
        try
        {
            var response = await _client.GetResponseAsync(messages, _chatOptions, deadline.Token).ConfigureAwait(false);
            return new AttemptResult(response.Text, false, "");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AttemptResult(null, true, $"no answer within {_options.AttemptTimeout.TotalSeconds:0.###} s");
        }
        catch (ClientResultException ex)
        {
            var status = ex.Status;
            var transient = status is 0 or (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.RequestTimeout or >= 500;
            return new AttemptResult(null, transient, $"HTTP {status} from {Endpoint}: {FirstLine(ex.Message)}");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            // Connection refused, or a body that is not a chat completion.
            return new AttemptResult(null, true, $"{ex.GetType().Name} from {Endpoint}: {FirstLine(ex.Message)}");
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    public void Dispose()
    {
        _client.Dispose();
        _slots.Dispose();
    }
}
