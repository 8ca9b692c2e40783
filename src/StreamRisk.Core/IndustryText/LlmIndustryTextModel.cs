namespace StreamRisk.Core.IndustryText;

/// <summary>
/// An LLM behind <see cref="IIndustryTextModel"/>: renders the versioned prompt, asks the backend, validates the answer;
/// an invalid answer is asked once more, and a second invalid answer — or a backend that is unavailable — is answered by
/// the built-in model, with the reason on the answer (and so on the event) and counted in <see cref="Counters"/>.
/// Cancellation is never turned into a fallback.
/// </summary>
public sealed class LlmIndustryTextModel : IIndustryTextModel
{
    private readonly ILanguageModelBackend _backend;
    private readonly IndustryPrompt _prompt;
    private readonly BuiltInIndustryTextModel _fallback;
    private readonly AnswerParser _parser;

    public LlmIndustryTextModel(ILanguageModelBackend backend, IndustryPrompt prompt, IReadOnlySet<string> topicIds, BuiltInIndustryTextModel? fallback = null)
    {
        _backend = backend ?? throw new ArgumentNullException(nameof(backend));
        _prompt = prompt ?? throw new ArgumentNullException(nameof(prompt));
        ArgumentNullException.ThrowIfNull(topicIds);
        _parser = new AnswerParser(topicIds);
        _fallback = fallback ?? new BuiltInIndustryTextModel();
    }

    public string ModelId => _backend.ModelId;

    public string PromptVersion => _prompt.Version;

    public LlmAnswerCounters Counters { get; } = new();

    /// <summary>Longest fallback reason written on an event.</summary>
    public const int MaxFallbackLength = 512;

    public async ValueTask<IndustryTextAnswer> AnalyseAsync(IndustryTextRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rendered = _prompt.Render(request);
        var problem = "";
        for (var attempt = 0; attempt < 2; attempt++)
        {
            string raw;
            try
            {
                raw = await _backend.CompleteAsync(rendered, cancellationToken).ConfigureAwait(false);
            }
            catch (LanguageModelUnavailableException ex)
            {
                Counters.CountUnavailableFallback();
                return Fallback(request.Text, IndustryFallbackCause.Unavailable, "unavailable: " + ex.Message);
            }
            var parsed = _parser.TryParse(raw, out problem);
            if (parsed is not null)
            {
                Counters.CountValid();
                return new IndustryTextAnswer(parsed.Sentiment, parsed.TopicIds, ModelId, PromptVersion, Reasoning: parsed.Reason);
            }
            if (attempt == 0)
            {
                Counters.CountRetry();
            }
        }
        Counters.CountInvalidFallback();
        return Fallback(request.Text, IndustryFallbackCause.InvalidAnswer, "invalid answer twice: " + problem);
    }

    private IndustryTextAnswer Fallback(string text, IndustryFallbackCause cause, string reason)
    {
        var answer = _fallback.Answer(text);
        // The event names the model that answered (the built-in one) and why the LLM did not (bounded: a server's
        // error text can be long).
        var why = $"{ModelId} ({PromptVersion}) {reason}";
        return answer with { Fallback = why.Length <= MaxFallbackLength ? why : why[..MaxFallbackLength], FallbackCause = cause };
    }
}
