using LLama;
using LLama.Common;
using LLama.Exceptions;
using LLama.Native;
using LLama.Sampling;
using StreamRisk.Core.IndustryText;

namespace StreamRisk.Nlp.Llm;

/// <summary>
/// A GGUF model run in process by LLamaSharp (llama.cpp, CPU backend here). The answer is sampled under a GBNF grammar
/// generated from the topic list (<see cref="AnswerGrammar"/>), so it is valid JSON naming only known topics. The fixed
/// part of the prompt is evaluated once: its KV cache stays in sequence 0, and for each text only the positions after
/// it are removed and the question decoded (<see cref="GgufModelOptions.ReusePrefix"/>). One text at a time (one
/// context); a text that takes longer than <see cref="GgufModelOptions.Timeout"/> is reported unavailable, so the
/// built-in model answers it.
/// </summary>
public sealed class GgufLanguageModel : ILanguageModelBackend, IDisposable
{
    private static readonly Lock LogGate = new();
    private static bool s_logConfigured;

    private readonly LLamaWeights _weights;
    private readonly LLamaContext _context;
    private readonly Grammar _grammar;
    private readonly GgufModelOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _cachedPrefix;
    private int _prefixTokens;
    private long _prefixEvaluations;
    private long _tokensDecoded;
    private long _completions;
    // When the current text's time is up (Stopwatch ticks). Checked between tokens as well as through the token: under a
    // busy thread pool the CancelAfter callback can come late, after the whole answer.
    private long _deadlineTicks = long.MaxValue;

    private GgufLanguageModel(string modelId, LLamaWeights weights, LLamaContext context, Grammar grammar, GgufModelOptions options)
    {
        ModelId = modelId;
        _weights = weights;
        _context = context;
        _grammar = grammar;
        _options = options;
    }

    public string ModelId { get; }

    /// <summary>How many times the fixed prompt was decoded (1 with prefix reuse, one per text without).</summary>
    public long PrefixEvaluations => Interlocked.Read(ref _prefixEvaluations);

    /// <summary>Prompt and answer tokens decoded so far.</summary>
    public long TokensDecoded => Interlocked.Read(ref _tokensDecoded);

    /// <summary>The grammar answers are sampled under (checked by <see cref="GbnfGrammar.Validate"/>).</summary>
    public string Gbnf => _grammar.Gbnf;

    /// <summary>Loads <paramref name="path"/> after checking it in managed code (a bad file is a configuration error, never a crash).</summary>
    /// <exception cref="LanguageModelConfigurationException">Missing, truncated, non-GGUF or unloadable file.</exception>
    public static GgufLanguageModel Load(string path, IReadOnlyCollection<string> topicIds, GgufModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new GgufModelOptions();
        GgufFileCheck.Check(path);
        var gbnf = AnswerGrammar.Build(topicIds, options.MaxReasonChars);
        GbnfGrammar.Validate(gbnf, AnswerGrammar.Root);
        SilenceNativeLog();
        var parameters = new ModelParams(path)
        {
            ContextSize = (uint)options.ContextSize,
            GpuLayerCount = 0,
            BatchSize = 512,
        };
        if (options.Threads > 0)
        {
            parameters.Threads = options.Threads;
            parameters.BatchThreads = options.Threads;
        }
        LLamaWeights weights;
        try
        {
            weights = LLamaWeights.LoadFromFile(parameters);
        }
        catch (Exception ex) when (ex is LoadWeightsFailedException or RuntimeError)
        {
            throw new LanguageModelConfigurationException($"llama.cpp cannot load GGUF model '{path}' (damaged, truncated or of an unsupported architecture): {ex.Message}", ex);
        }
        try
        {
            var context = weights.CreateContext(parameters);
            return new GgufLanguageModel("gguf:" + Path.GetFileNameWithoutExtension(path), weights, context, new Grammar(gbnf, AnswerGrammar.Root), options);
        }
        catch (Exception ex) when (ex is RuntimeError)
        {
            weights.Dispose();
            throw new LanguageModelConfigurationException($"llama.cpp cannot create a context of {options.ContextSize} tokens for '{path}': {ex.Message}", ex);
        }
    }

    public async Task<string> CompleteAsync(RenderedPrompt prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(_options.Timeout);
            _deadlineTicks = _options.Timeout <= TimeSpan.Zero ? long.MaxValue : System.Diagnostics.Stopwatch.GetTimestamp()
                + (long)Math.Min(long.MaxValue / 2, _options.Timeout.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
            try
            {
                return Generate(prompt, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The KV cache past the prefix is partial now; the next text removes it anyway.
                throw new LanguageModelUnavailableException($"{ModelId} gave no answer within {_options.Timeout.TotalSeconds:0.###} s");
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private string Generate(RenderedPrompt prompt, CancellationToken cancellationToken)
    {
        var handle = _context.NativeHandle;
        var sequence = LLamaSeqId.Zero;
        var prefix = ChatMlFormat.Prefix(prompt.Fixed);
        if (_options.ReusePrefix && string.Equals(prefix, _cachedPrefix, StringComparison.Ordinal))
        {
            handle.MemorySequenceRemove(sequence, _prefixTokens, -1);
        }
        else
        {
            handle.MemoryClear(true);
            _cachedPrefix = null;
            var prefixTokens = _context.Tokenize(prefix, addBos: true, special: true);
            Evaluate(prefixTokens, 0, sequence, cancellationToken);
            _prefixTokens = prefixTokens.Length;
            Interlocked.Increment(ref _prefixEvaluations);
            _cachedPrefix = _options.ReusePrefix ? prefix : null;
        }

        var question = _context.Tokenize(ChatMlFormat.Question(prompt.Question), addBos: false, special: true);
        if (_prefixTokens + question.Length + _options.MaxAnswerTokens > _options.ContextSize)
        {
            throw new LanguageModelUnavailableException(
                $"the prompt needs {_prefixTokens + question.Length} tokens plus {_options.MaxAnswerTokens} for the answer; the context holds {_options.ContextSize}");
        }
        var logitsIndex = Evaluate(question, _prefixTokens, sequence, cancellationToken);
        var position = _prefixTokens + question.Length;

        // A different seed per call, so sampled answers vary from text to text yet a run repeats exactly.
        var seed = unchecked(_options.Seed + (uint)Interlocked.Increment(ref _completions));
        using var sampler = new DefaultSamplingPipeline { Grammar = _grammar, Temperature = _options.Temperature, Seed = seed };
        var decoder = new StreamingTokenDecoder(_context);
        var batch = new LLamaBatch();
        var vocabulary = _weights.NativeHandle.Vocab;
        for (var i = 0; i < _options.MaxAnswerTokens; i++)
        {
            ThrowIfPastDeadline(cancellationToken);
            var token = sampler.Sample(handle, logitsIndex);
            if (token.IsEndOfGeneration(vocabulary))
            {
                break;
            }
            decoder.Add(token);
            batch.Clear();
            batch.Add(token, position++, sequence, true);
            Decode(batch);
            logitsIndex = 0;
        }
        return decoder.Read();
    }

    private void ThrowIfPastDeadline(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (System.Diagnostics.Stopwatch.GetTimestamp() > _deadlineTicks)
        {
            throw new OperationCanceledException("the text's time is up");
        }
    }

    /// <summary>Decodes <paramref name="tokens"/> from <paramref name="start"/> in batches; returns the batch index of the last token's logits.</summary>
    private int Evaluate(LLamaToken[] tokens, int start, LLamaSeqId sequence, CancellationToken cancellationToken)
    {
        var batch = new LLamaBatch();
        var size = (int)_context.BatchSize;
        var last = 0;
        for (var offset = 0; offset < tokens.Length; offset += size)
        {
            ThrowIfPastDeadline(cancellationToken);
            batch.Clear();
            var count = Math.Min(size, tokens.Length - offset);
            for (var i = 0; i < count; i++)
            {
                var isLast = offset + i == tokens.Length - 1;
                batch.Add(tokens[offset + i], start + offset + i, sequence, isLast);
            }
            Decode(batch);
            last = count - 1;
        }
        return last;
    }

    private void Decode(LLamaBatch batch)
    {
        var result = _context.NativeHandle.Decode(batch);
        if (result != DecodeResult.Ok)
        {
            throw new LanguageModelUnavailableException($"llama_decode failed with {result}");
        }
        Interlocked.Add(ref _tokensDecoded, batch.TokenCount);
    }

    /// <summary>llama.cpp logs every load to stderr unless a callback is set before the first native call.</summary>
    private static void SilenceNativeLog()
    {
        lock (LogGate)
        {
            if (s_logConfigured)
            {
                return;
            }
            s_logConfigured = true;
            try
            {
                NativeLibraryConfig.All.WithLogCallback((_, _) => { });
            }
            catch (InvalidOperationException)
            {
                // The native library was loaded already (by another component): its logging stays as it is.
            }
        }
    }

    public void Dispose()
    {
        _context.Dispose();
        _weights.Dispose();
        _gate.Dispose();
    }
}
