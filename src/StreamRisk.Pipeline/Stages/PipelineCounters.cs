using System.Collections.Concurrent;

namespace StreamRisk.Pipeline.Stages;

/// <summary>Counts for the end-of-run summary; thread-safe because worker mode runs stages in parallel.</summary>
public sealed class PipelineCounters
{
    private long _inputs, _documents, _duplicates, _mentions, _firm, _industry, _daily, _scores, _alerts, _issuerFree, _relayed, _redelivered, _tooLateTexts, _llmAnswers, _llmInvalidFallbacks, _llmUnavailableFallbacks, _shadowScores, _shadowDisagreements;
    private readonly ConcurrentDictionary<string, long> _deadLetters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Telemetry.LatencyHistogram> _stageBatches = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Telemetry.LatencyHistogram> _modelCalls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _modelTexts = new(StringComparer.Ordinal);

    public long Inputs => Interlocked.Read(ref _inputs);
    public long Documents => Interlocked.Read(ref _documents);
    public long Duplicates => Interlocked.Read(ref _duplicates);
    public long Mentions => Interlocked.Read(ref _mentions);
    public long IssuerFreeDocuments => Interlocked.Read(ref _issuerFree);
    public long FirmSentiments => Interlocked.Read(ref _firm);
    public long IndustrySentiments => Interlocked.Read(ref _industry);
    /// <summary>Issuer-free texts a configured LLM answered validly.</summary>
    public long IndustryLlmAnswers => Interlocked.Read(ref _llmAnswers);
    /// <summary>Issuer-free texts the built-in scorer answered because the configured LLM gave two invalid answers or was unavailable.</summary>
    public long IndustryLlmFallbacks => IndustryLlmInvalidFallbacks + IndustryLlmUnavailableFallbacks;
    /// <summary>Fallbacks because the LLM answered invalidly twice.</summary>
    public long IndustryLlmInvalidFallbacks => Interlocked.Read(ref _llmInvalidFallbacks);
    /// <summary>Fallbacks because the LLM's backend was unavailable (timeout, server error, open circuit).</summary>
    public long IndustryLlmUnavailableFallbacks => Interlocked.Read(ref _llmUnavailableFallbacks);
    public long DailyValues => Interlocked.Read(ref _daily);
    public long RiskScores => Interlocked.Read(ref _scores);
    public long Alerts => Interlocked.Read(ref _alerts);
    public long ShadowScores => Interlocked.Read(ref _shadowScores);
    /// <summary>Scores whose shadow class model chose another class than the served one.</summary>
    public long ShadowDisagreements => Interlocked.Read(ref _shadowDisagreements);
    /// <summary>Events a stage found waiting in its outbox at start (left by an instance that stopped) and published.</summary>
    public long RelayedFromOutbox => Interlocked.Read(ref _relayed);
    /// <summary>Inputs a stage recognised as already applied (redelivered after a restart, or published twice).</summary>
    public long Redelivered => Interlocked.Read(ref _redelivered);
    /// <summary>News texts the daily index refused as <c>too_late</c> (each text once, however many issuers it names).</summary>
    public long TooLateTextCount => Interlocked.Read(ref _tooLateTexts);
    public IReadOnlyDictionary<string, long> DeadLettersByReason => _deadLetters.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary();
    public long DeadLetters => _deadLetters.Values.Sum();

    public void Input(long n = 1) => Interlocked.Add(ref _inputs, n);
    public void Document() => Interlocked.Increment(ref _documents);
    public void Duplicate() => Interlocked.Increment(ref _duplicates);
    public void Mention(long n) => Interlocked.Add(ref _mentions, n);
    public void IssuerFree() => Interlocked.Increment(ref _issuerFree);
    public void Firm(long n = 1) => Interlocked.Add(ref _firm, n);
    public void Industry(long n = 1) => Interlocked.Add(ref _industry, n);
    public void IndustryLlmAnswer() => Interlocked.Increment(ref _llmAnswers);
    public void IndustryLlmFallback(bool unavailable) => Interlocked.Increment(ref unavailable ? ref _llmUnavailableFallbacks : ref _llmInvalidFallbacks);
    public void Daily(long n = 1) => Interlocked.Add(ref _daily, n);
    public void Score(long n = 1) => Interlocked.Add(ref _scores, n);
    public void Alert(long n = 1) => Interlocked.Add(ref _alerts, n);

    /// <summary>A score the shadow class model also gave; <paramref name="disagrees"/> when its class differs.</summary>
    public void ShadowScore(bool disagrees)
    {
        Interlocked.Increment(ref _shadowScores);
        if (disagrees) Interlocked.Increment(ref _shadowDisagreements);
    }
    public void Relayed(long n) => Interlocked.Add(ref _relayed, n);
    public void Redelivery(long n = 1) => Interlocked.Add(ref _redelivered, n);
    public void TooLateTexts(long n) => Interlocked.Add(ref _tooLateTexts, n);
    public void DeadLettered(string code) => _deadLetters.AddOrUpdate(code, 1, (_, v) => v + 1);

    /// <summary>Time a stage took over one batch: processing, storing and publishing (for metrics).</summary>
    public void StageBatch(string stage, TimeSpan elapsed) => _stageBatches.GetOrAdd(stage, _ => new()).Record(elapsed);

    /// <summary>Time one call of a text model took over <paramref name="texts"/> texts (for metrics).</summary>
    public void ModelCall(string model, TimeSpan elapsed, int texts)
    {
        _modelCalls.GetOrAdd(model, _ => new()).Record(elapsed);
        _modelTexts.AddOrUpdate(model, texts, (_, v) => v + texts);
    }

    public IReadOnlyDictionary<string, Telemetry.LatencyHistogram> StageBatches => _stageBatches.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary();
    public IReadOnlyDictionary<string, Telemetry.LatencyHistogram> ModelCalls => _modelCalls.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary();
    public IReadOnlyDictionary<string, long> ModelTexts => _modelTexts.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary();
}
