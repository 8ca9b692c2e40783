using Microsoft.Extensions.Logging;
using StreamRisk.Core.Events;
using StreamRisk.Core.Text;
using StreamRisk.Nlp.Manifests;
using StreamRisk.Nlp.Runtime;
using StreamRisk.Nlp.Tokenization;

namespace StreamRisk.Nlp.Entities;

/// <summary>Issuer recognition with an ONNX token-classification (NER) model: per-token labels → entity spans →
/// issuers by Jaro–Winkler linking. Long texts run as consecutive windows of the model's max length.</summary>
public sealed class OnnxNerRecognizer : IIssuerRecognizer, IDisposable
{
    private const string LogitsOutput = "logits";
    private static readonly string[] OutputNames = [LogitsOutput];

    private readonly EncoderSession _session;
    private readonly IssuerNameLinker _linker;
    private readonly IReadOnlySet<string> _entityTypes;
    private readonly int _labelCount;

    private OnnxNerRecognizer(EncoderSession session, IssuerNameLinker linker, IReadOnlySet<string> entityTypes)
    {
        _session = session;
        _linker = linker;
        _entityTypes = entityTypes;
        _labelCount = session.Manifest.Labels.Count;
    }

    public string ModelId => _session.Manifest.ModelId;
    public string ExecutionProvider => _session.ExecutionProvider;

    /// <param name="entityTypes">Entity types that can name an issuer; default ORG.</param>
    public static OnnxNerRecognizer Load(string manifestPath, IssuerNameLinker linker, OnnxRuntimeOptions? options = null,
        ILogger? logger = null, IReadOnlySet<string>? entityTypes = null)
    {
        var session = EncoderSession.Open(manifestPath, ModelTasks.TokenClassification, options, logger);
        try
        {
            var manifest = session.Manifest;
            if (!manifest.Manifest.Outputs!.Any(o => o.Name == LogitsOutput))
                throw manifest.Error("outputs", $"has no '{LogitsOutput}'; token classification reads [batch, sequence, labels] logits");
            var last = GraphContract.LastDimension(session.Session, LogitsOutput);
            if (last > 0 && last != manifest.Labels.Count)
                throw manifest.Error("labels", $"has {manifest.Labels.Count} labels but the graph's '{LogitsOutput}' gives {last} per token; expected them equal");
            return new OnnxNerRecognizer(session, linker, entityTypes ?? new HashSet<string>(StringComparer.Ordinal) { "ORG" });
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public IReadOnlyList<IssuerMention> Recognize(string text)
    {
        var mentions = new List<IssuerMention>();
        foreach (var entity in FindEntities(text))
            if (_linker.Link(text, entity.Start, entity.End) is { } mention) mentions.Add(mention);
        return mentions;
    }

    /// <summary>The entity spans of the configured types, before linking.</summary>
    public List<EntitySpan> FindEntities(string text)
    {
        var tokens = _session.Tokenizer.Encode(text);
        var labelIds = new int[tokens.Count];
        var window = _session.Manifest.MaxLength - 2;
        var windowCount = (tokens.Count + window - 1) / window;
        var lengths = new int[windowCount];
        for (var w = 0; w < windowCount; w++) lengths[w] = Math.Min(window, tokens.Count - w * window) + 2;
        foreach (var group in LengthBatchPlanner.Plan(lengths, _session.BatchSize))
        {
            var length = lengths[group[^1]];
            var batch = new EncoderBatch(group.Length, length, withAspectMask: false, _session.Tokenizer.PaddingId);
            for (var row = 0; row < group.Length; row++)
                batch.SetRow(row, tokens.Ids.AsSpan(group[row] * window, lengths[group[row]] - 2), _session.Tokenizer.ClassificationId, _session.Tokenizer.SeparatorId);
            using var outputs = _session.Run(batch, OutputNames);
            var logits = outputs.First().GetTensorDataAsSpan<float>();
            for (var row = 0; row < group.Length; row++)
            {
                var first = group[row] * window;
                for (var t = 0; t < lengths[group[row]] - 2; t++)
                    labelIds[first + t] = ArgMax(logits.Slice(((row * length) + t + 1) * _labelCount, _labelCount));
            }
        }
        return BioSpanDecoder.Decode(tokens, labelIds, _session.Manifest.Labels, _entityTypes);
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
            if (values[i] > values[best]) best = i;
        return best;
    }

    public void Dispose() => _session.Dispose();
}
