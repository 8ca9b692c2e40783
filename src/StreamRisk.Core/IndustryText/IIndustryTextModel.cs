namespace StreamRisk.Core.IndustryText;

/// <summary>A topic offered to the model for one text: retrieved by embedding similarity, defined for the prompt (RAG).</summary>
public sealed record TopicCandidate(string TopicId, string Name, string Definition, double Similarity);

/// <summary>One issuer-free text to read, with the retrieved candidate topics whose definitions go into the prompt.</summary>
public sealed record IndustryTextRequest(string Text, IReadOnlyList<TopicCandidate> Candidates);

/// <summary>
/// What a model says about one text. <paramref name="Tone"/> lies in [−1, 1] (an LLM answers −1, 0 or 1; the built-in
/// scorer gives a continuous tone). <paramref name="TopicIds"/> are the topics the model itself recognised (at most 3,
/// from the reference list; empty when the model does not choose topics). <paramref name="Fallback"/> is null when the
/// configured model answered, otherwise why the built-in model answered instead; <paramref name="FallbackCause"/> says
/// which kind of failure that was.
/// </summary>
public sealed record IndustryTextAnswer(
    double Tone,
    IReadOnlyList<string> TopicIds,
    string ModelId,
    string PromptVersion,
    string? Fallback = null,
    string? Reasoning = null,
    IndustryFallbackCause? FallbackCause = null);

/// <summary>Why the built-in model answered for the configured one.</summary>
public enum IndustryFallbackCause
{
    /// <summary>The model could not be reached or failed to run.</summary>
    Unavailable,

    /// <summary>The model answered, but not in the expected form, twice.</summary>
    InvalidAnswer,
}

/// <summary>
/// Industry-level reading of a text that names no issuer: its tone and the topics it is about. Implemented by the
/// built-in lexicon scorer, by a GGUF model in process (LLamaSharp) and by any OpenAI-compatible server.
/// </summary>
public interface IIndustryTextModel
{
    /// <summary>Model id written on every event (e.g. <c>gguf:qwen2.5-3b-instruct-q4_k_m</c>).</summary>
    string ModelId { get; }

    /// <summary>Version of the prompt the model is asked with (<c>none</c> for the built-in scorer).</summary>
    string PromptVersion { get; }

    ValueTask<IndustryTextAnswer> AnalyseAsync(IndustryTextRequest request, CancellationToken cancellationToken);
}
