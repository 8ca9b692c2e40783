using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using StreamRisk.Nlp.Manifests;
using StreamRisk.Nlp.Tokenization;

namespace StreamRisk.Nlp.Runtime;

/// <summary>A loaded BERT-style graph with its tokenizer and manifest: feeds padded batches, returns named outputs.
/// Thread-safe: ONNX Runtime sessions accept concurrent runs, and every batch owns its buffers.</summary>
public sealed class EncoderSession : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;

    private EncoderSession(LoadedManifest manifest, InferenceSession session, WordPieceTextEncoder tokenizer, string provider, int batchSize,
        int concurrentBatches)
    {
        ConcurrentBatches = concurrentBatches;
        Manifest = manifest;
        _session = session;
        Tokenizer = tokenizer;
        ExecutionProvider = provider;
        BatchSize = batchSize;
        _inputNames = manifest.Manifest.Inputs!.Select(i => i.Name!).ToArray();
    }

    public LoadedManifest Manifest { get; }
    public WordPieceTextEncoder Tokenizer { get; }

    /// <summary>Where it really runs: <c>cpu</c> or <c>cuda</c>.</summary>
    public string ExecutionProvider { get; }

    public int BatchSize { get; }

    /// <summary>Batches a caller may run at once (<see cref="OnnxRuntimeOptions.ConcurrentBatches"/>).</summary>
    public int ConcurrentBatches { get; }

    /// <summary>The raw session, for callers (benchmarks) that drive ONNX Runtime directly.</summary>
    public InferenceSession Session => _session;

    /// <summary>Loads and validates manifest, files and graph; the manifest must declare <paramref name="task"/>.</summary>
    public static EncoderSession Open(string manifestPath, string task, OnnxRuntimeOptions? options = null, ILogger? logger = null)
    {
        options ??= new OnnxRuntimeOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ConcurrentBatches, 1, nameof(options));
        var manifest = ModelManifestLoader.Load(manifestPath, task);
        var tok = manifest.Manifest.Tokenizer!;
        var tokenizer = WordPieceTextEncoder.FromVocabulary(manifest.VocabPath, tok.LowerCase!.Value,
            tok.StripAccents ?? tok.LowerCase.Value, tok.TokenizeChineseChars ?? true);
        var (sessionOptions, provider) = SessionOptionsFactory.Create(options, logger);
        InferenceSession session;
        using (sessionOptions)
        {
            try
            {
                session = new InferenceSession(manifest.ModelPath, sessionOptions);
            }
            catch (OnnxRuntimeException e)
            {
                throw manifest.Error("file", $"names a file ONNX Runtime cannot load as a model: {e.Message}");
            }
        }
        try
        {
            GraphContract.Check(manifest, session);
        }
        catch
        {
            session.Dispose();
            throw;
        }
        return new EncoderSession(manifest, session, tokenizer, provider, options.BatchSize, options.ConcurrentBatches);
    }

    /// <summary>Runs one batch; the caller disposes the returned outputs (in <paramref name="outputNames"/> order).</summary>
    public IDisposableReadOnlyCollection<OrtValue> Run(EncoderBatch batch, IReadOnlyCollection<string> outputNames)
    {
        var shape = new long[] { batch.Rows, batch.Length };
        var values = new OrtValue[_inputNames.Length];
        try
        {
            for (var i = 0; i < _inputNames.Length; i++)
            {
                values[i] = _inputNames[i] switch
                {
                    ModelInputs.InputIds => OrtValue.CreateTensorValueFromMemory(batch.InputIds, shape),
                    ModelInputs.AttentionMask => OrtValue.CreateTensorValueFromMemory(batch.AttentionMask, shape),
                    ModelInputs.TokenTypeIds => OrtValue.CreateTensorValueFromMemory(batch.TokenTypeIds, shape),
                    ModelInputs.AspectMask => OrtValue.CreateTensorValueFromMemory(
                        batch.AspectMask ?? throw new InvalidOperationException("the graph needs aspect_mask but the batch has none"), shape),
                    ModelInputs.LexiconEvidence => OrtValue.CreateTensorValueFromMemory(
                        batch.LexiconEvidence ?? throw new InvalidOperationException("the graph needs lexicon_evidence but the batch has none"),
                        [batch.Rows, Core.Sentiment.LexiconEvidenceFeatures.Count]),
                    var other => throw new InvalidOperationException($"no way to feed input '{other}'"),
                };
            }
            using var run = new RunOptions();
            return _session.Run(run, _inputNames, values, outputNames);
        }
        finally
        {
            foreach (var v in values) v?.Dispose();
        }
    }

    public void Dispose() => _session.Dispose();
}
