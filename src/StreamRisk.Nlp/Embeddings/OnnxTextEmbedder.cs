using Microsoft.Extensions.Logging;
using StreamRisk.Core.Topics;
using StreamRisk.Nlp.Manifests;
using StreamRisk.Nlp.Runtime;

namespace StreamRisk.Nlp.Embeddings;

/// <summary>Text embeddings from a bge-style ONNX encoder: [CLS] or mean pooling, L2-normalised. Texts longer than
/// the model's max length are truncated, as the model was trained.</summary>
public sealed class OnnxTextEmbedder : ITextEmbedder, IDisposable
{
    private const string HiddenOutput = "last_hidden_state";
    private static readonly string[] OutputNames = [HiddenOutput];

    private readonly EncoderSession _session;
    private readonly bool _meanPooling;

    private OnnxTextEmbedder(EncoderSession session, int dimension)
    {
        _session = session;
        Dimension = dimension;
        _meanPooling = session.Manifest.Pooling == "mean";
    }

    public string ModelId => _session.Manifest.ModelId;
    public int Dimension { get; }
    public string ExecutionProvider => _session.ExecutionProvider;

    public static OnnxTextEmbedder Load(string manifestPath, OnnxRuntimeOptions? options = null, ILogger? logger = null)
    {
        var session = EncoderSession.Open(manifestPath, ModelTasks.Embedding, options, logger);
        try
        {
            var manifest = session.Manifest;
            if (!manifest.Manifest.Outputs!.Any(o => o.Name == HiddenOutput))
                throw manifest.Error("outputs", $"has no '{HiddenOutput}'; embeddings pool the encoder's hidden states");
            var dimension = GraphContract.LastDimension(session.Session, HiddenOutput);
            if (dimension <= 0) throw manifest.Error("outputs", $"'{HiddenOutput}' has a dynamic hidden size; expected it fixed");
            return new OnnxTextEmbedder(session, dimension);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public float[] Embed(string text) => EmbedBatch([text])[0];

    /// <summary>Embeds many texts in length-bucketed batches; result i belongs to text i.</summary>
    public float[][] EmbedBatch(IReadOnlyList<string> texts)
    {
        var maxTokens = _session.Manifest.MaxLength - 2;
        var ids = new int[texts.Count][];
        var lengths = new int[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            var tokens = _session.Tokenizer.Encode(texts[i]).Ids;
            ids[i] = tokens.Length > maxTokens ? tokens[..maxTokens] : tokens;
            lengths[i] = ids[i].Length + 2;
        }
        var vectors = new float[texts.Count][];
        foreach (var group in LengthBatchPlanner.Plan(lengths, _session.BatchSize))
        {
            var length = lengths[group[^1]];
            var batch = new EncoderBatch(group.Length, length, withAspectMask: false, _session.Tokenizer.PaddingId);
            for (var row = 0; row < group.Length; row++)
                batch.SetRow(row, ids[group[row]], _session.Tokenizer.ClassificationId, _session.Tokenizer.SeparatorId);
            using var outputs = _session.Run(batch, OutputNames);
            var hidden = outputs.First().GetTensorDataAsSpan<float>();
            for (var row = 0; row < group.Length; row++)
                vectors[group[row]] = EmbeddingPooling.Pool(hidden.Slice(row * length * Dimension, length * Dimension), Dimension, lengths[group[row]], _meanPooling);
        }
        return vectors;
    }

    public void Dispose() => _session.Dispose();
}
