using Microsoft.Extensions.Logging;
using StreamRisk.Core.Sentiment;
using StreamRisk.Nlp.Manifests;
using StreamRisk.Nlp.Runtime;
using StreamRisk.Nlp.Tokenization;

namespace StreamRisk.Nlp.Sentiment;

/// <summary>Firm-level (aspect) sentiment from a BERT ABSA model in ONNX: each (text, issuer) pair is scored on
/// windows around the issuer's mentions; windows of all requests are batched by length; the probabilities of an
/// issuer's windows are averaged.</summary>
public sealed class OnnxAbsaModel : IFirmSentimentModel, IDisposable
{
    private const string LogitsOutput = "logits";
    private const string HiddenOutput = "last_hidden_state";

    private readonly EncoderSession _session;
    private readonly ClassifierHead? _head;
    private readonly SentimentLabelOrder _order;
    private readonly bool _graphPooling;
    private readonly string[] _outputNames;
    private readonly int _hiddenSize;
    private readonly bool _lexiconEvidence;
    private readonly IssuerNameMask? _mask;
    private static readonly LexiconFirmSentimentModel Lexicon = new();

    private OnnxAbsaModel(EncoderSession session, ClassifierHead? head, int hiddenSize, IssuerNameMask? mask)
    {
        _mask = mask;
        _session = session;
        _head = head;
        _hiddenSize = hiddenSize;
        _graphPooling = head is null;
        _lexiconEvidence = session.Manifest.Manifest.Inputs!.Any(i => i.Name == ModelInputs.LexiconEvidence);
        _order = SentimentLabelOrder.From(session.Manifest.Labels);
        _outputNames = [_graphPooling ? LogitsOutput : HiddenOutput];
    }

    public string ModelId => _session.Manifest.ModelId;

    /// <summary>Where it really runs: <c>cpu</c> or <c>cuda</c>.</summary>
    public string ExecutionProvider => _session.ExecutionProvider;

    /// <summary>What the model reads for an issuer (its manifest's <c>aspect_scope</c>).</summary>
    public AspectScope Scope => _session.Manifest.AspectScope;

    /// <summary>What the model sees of issuer names (its manifest's <c>mention_masking</c>).</summary>
    public MentionMasking Masking => _session.Manifest.MentionMasking;

    public static OnnxAbsaModel Load(string manifestPath, OnnxRuntimeOptions? options = null, ILogger? logger = null)
    {
        var session = EncoderSession.Open(manifestPath, ModelTasks.AspectSentiment, options, logger);
        try
        {
            var manifest = session.Manifest;
            var labels = manifest.Labels.Count;
            if (manifest.Pooling == "graph")
            {
                RequireOutput(manifest, LogitsOutput);
                var last = GraphContract.LastDimension(session.Session, LogitsOutput);
                if (last > 0 && last != labels)
                    throw manifest.Error("labels", $"has {labels} labels but the graph's '{LogitsOutput}' gives {last} classes; expected them equal");
                return new OnnxAbsaModel(session, null, 0, Mask(session));
            }
            RequireOutput(manifest, HiddenOutput);
            var hidden = GraphContract.LastDimension(session.Session, HiddenOutput);
            if (hidden <= 0) throw manifest.Error("outputs", $"'{HiddenOutput}' has a dynamic hidden size; the head needs it fixed");
            var spec = manifest.Manifest.Head!;
            ClassifierHead head;
            try
            {
                head = ClassifierHead.FromSafetensors(manifest.HeadPath!, spec.Layers!, spec.Activation!);
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException)
            {
                throw manifest.Error("head.file", $"does not hold the head described by 'head.layers': {e.Message}");
            }
            if (head.InputSize != 3 * hidden)
                throw manifest.Error("head.layers", $"start with {head.InputSize} inputs; expected 3 × hidden size = {3 * hidden} ([CLS] ⊕ mean ⊕ max)");
            if (head.OutputSize != labels)
                throw manifest.Error("labels", $"has {labels} labels but the head gives {head.OutputSize} classes; expected them equal");
            return new OnnxAbsaModel(session, head, hidden, Mask(session));
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public IReadOnlyList<SentimentProbabilities> Score(IReadOnlyList<AspectRequest> requests)
    {
        // The model reads what it was trained on: the issuer's clauses when its scope says so, and the word-list scorer's
        // evidence about the issuer in that same text when its graph takes it.
        var scoped = _session.Manifest.AspectScope == AspectScope.Clauses ? IssuerClauseScope.CutAll(requests) : requests;
        var evidence = _lexiconEvidence ? Lexicon.Evidence(scoped) : null;
        // Other issuers' names come from the whole texts: a cut text may still name an issuer whose clause it joins.
        var windows = AspectRowPlanner.Plan(_session.Tokenizer, scoped, _session.Manifest.MaxLength,
            _mask, _mask is null ? null : IssuerNameMask.OtherNames(requests));
        var lengths = new int[windows.Count];
        for (var i = 0; i < lengths.Length; i++) lengths[i] = windows[i].Length;
        var groups = LengthBatchPlanner.Plan(lengths, _session.BatchSize);
        // Each window's probabilities, filled by batch (batches may run at once: every batch owns its buffers, and
        // ONNX Runtime sessions accept concurrent runs), then summed per request in the same order whatever ran first.
        var windowProbabilities = new double[windows.Count * 3];
        void ScoreBatch(int[] group)
        {
            var length = lengths[group[^1]];
            var batch = new EncoderBatch(group.Length, length, _graphPooling, _session.Tokenizer.PaddingId, _lexiconEvidence);
            for (var row = 0; row < group.Length; row++)
            {
                var window = windows[group[row]];
                batch.SetRow(row, window.TextIds, _session.Tokenizer.ClassificationId, _session.Tokenizer.SeparatorId);
                if (_graphPooling)
                    foreach (var a in window.RowAspects) batch.MarkAspect(row, a.First, a.End);
                if (evidence is not null) batch.SetLexiconEvidence(row, evidence[window.Request]);
            }
            using var outputs = _session.Run(batch, _outputNames);
            var data = outputs.First().GetTensorDataAsSpan<float>();
            Span<double> probabilities = stackalloc double[3];
            Span<float> logits = stackalloc float[3];
            var features = _graphPooling ? [] : new float[3 * _hiddenSize];
            var scratch = _graphPooling ? [] : new float[_head!.ScratchSize];
            for (var row = 0; row < group.Length; row++)
            {
                if (_graphPooling)
                {
                    data.Slice(row * 3, 3).CopyTo(logits);
                }
                else
                {
                    var hidden = data.Slice(row * length * _hiddenSize, length * _hiddenSize);
                    MentionPooling.Pool(hidden, _hiddenSize, windows[group[row]].RowAspects, features);
                    _head!.Apply(features, logits, scratch);
                }
                Softmax.Apply(logits, probabilities);
                var at = group[row] * 3;
                windowProbabilities[at] = probabilities[_order.Negative];
                windowProbabilities[at + 1] = probabilities[_order.Neutral];
                windowProbabilities[at + 2] = probabilities[_order.Positive];
            }
        }
        if (_session.ConcurrentBatches > 1 && groups.Count > 1)
            Parallel.ForEach(groups, new ParallelOptions { MaxDegreeOfParallelism = _session.ConcurrentBatches }, ScoreBatch);
        else
            foreach (var group in groups) ScoreBatch(group);

        var sums = new double[requests.Count * 3];
        var counts = new int[requests.Count];
        foreach (var group in groups)
        {
            foreach (var w in group)
            {
                var request = windows[w].Request;
                for (var c = 0; c < 3; c++) sums[request * 3 + c] += windowProbabilities[w * 3 + c];
                counts[request]++;
            }
        }
        var results = new SentimentProbabilities[requests.Count];
        for (var r = 0; r < results.Length; r++)
            results[r] = new SentimentProbabilities(sums[r * 3] / counts[r], sums[r * 3 + 1] / counts[r], sums[r * 3 + 2] / counts[r]);
        return results;
    }

    private static IssuerNameMask? Mask(EncoderSession session)
    {
        var manifest = session.Manifest;
        if (manifest.MentionMasking == MentionMasking.None) return null;
        return IssuerNameMask.For(session.Tokenizer)
            ?? throw manifest.Error("mention_masking", $"is 'issuers' but the vocabulary has no '{IssuerNameMask.IssuerToken}' and '{IssuerNameMask.OtherIssuerToken}' entries; use the BERT vocabulary the model was trained with");
    }

    private static void RequireOutput(LoadedManifest manifest, string name)
    {
        if (!manifest.Manifest.Outputs!.Any(o => o.Name == name))
            throw manifest.Error("outputs", $"has no '{name}'; pooling '{manifest.Pooling}' reads that output");
    }

    public void Dispose() => _session.Dispose();
}
