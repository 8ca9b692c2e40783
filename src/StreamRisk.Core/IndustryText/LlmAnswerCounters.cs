namespace StreamRisk.Core.IndustryText;

/// <summary>How an LLM's answers went: valid at once, valid after the one retry, or replaced by the built-in model.</summary>
public sealed class LlmAnswerCounters
{
    private long _valid;
    private long _retries;
    private long _invalidFallbacks;
    private long _unavailableFallbacks;

    /// <summary>Texts the LLM answered validly (first try or retry).</summary>
    public long Valid => Interlocked.Read(ref _valid);

    /// <summary>Invalid first answers that were asked again.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Texts answered by the built-in model because both answers were invalid.</summary>
    public long InvalidFallbacks => Interlocked.Read(ref _invalidFallbacks);

    /// <summary>Texts answered by the built-in model because the backend was unavailable.</summary>
    public long UnavailableFallbacks => Interlocked.Read(ref _unavailableFallbacks);

    internal void CountValid() => Interlocked.Increment(ref _valid);
    internal void CountRetry() => Interlocked.Increment(ref _retries);
    internal void CountInvalidFallback() => Interlocked.Increment(ref _invalidFallbacks);
    internal void CountUnavailableFallback() => Interlocked.Increment(ref _unavailableFallbacks);
}
