using StreamRisk.Nlp.Training.Onnx;
using StreamRisk.Nlp.Training.Training;

namespace StreamRisk.Nlp.Training.Modeling;

/// <summary>
/// Writes a trained <see cref="FirmSentimentNet"/> as an ONNX graph that the serving path (<c>OnnxAbsaModel</c>, pooling
/// <c>graph</c>) runs: inputs <c>input_ids</c> (BERT vocabulary ids), <c>attention_mask</c>, <c>aspect_mask</c>; output
/// <c>logits</c> [batch, 3] in the order negative, neutral, positive. The BERT id → compact row map is a Gather in the
/// graph; the calibration temperature is folded into the last layer (logits / T), so ONNX Runtime's softmax gives the
/// calibrated probabilities.
/// </summary>
public static class FirmSentimentOnnxExport
{
    public static readonly string[] Labels = ["negative", "neutral", "positive"];

    /// <summary>One network, or an ensemble of networks, as one graph. One network: <c>logits</c> = scale × its logits
    /// (scale = 1 / its temperature). An ensemble: <c>logits</c> = log(mean over k of softmax(scaleₖ × the logits of
    /// network k)), so the served probabilities are the mean of the networks' calibrated probabilities.</summary>
    public static byte[] Write(IReadOnlyList<ServedNetwork> networks, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(networks.Count);
        // Only the graph's inputs are shared; each network has its own id → row map (one Gather per distinct map), sizes
        // and weights.
        var shape = networks[0].Net.Shape;
        foreach (var n in networks)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n.LogitScale, nameof(networks));
            if (n.Net.Shape.LexiconFeatures != shape.LexiconFeatures)
                throw new ArgumentException("the networks of an ensemble must all read the lexicon evidence input, or none", nameof(networks));
            if (n.Vocabulary.Count != n.Net.Shape.VocabularyRows)
                throw new ArgumentException($"a network has {n.Net.Shape.VocabularyRows} embedding rows but its vocabulary maps to {n.Vocabulary.Count}", nameof(networks));
        }
        var g = new OnnxGraph("firm_sentiment");
        g.Input("input_ids", OnnxElementType.Int64, "batch", "sequence");
        g.Input("attention_mask", OnnxElementType.Int64, "batch", "sequence");
        g.Input("aspect_mask", OnnxElementType.Float, "batch", "sequence");
        if (shape.LexiconFeatures > 0) g.Input("lexicon_evidence", OnnxElementType.Float, "batch", shape.LexiconFeatures);
        g.Output("logits", OnnxElementType.Float, "batch", 3);

        var axis1 = g.Initializer("axis_1", [1L], 1);
        var axis2 = g.Initializer("axis_2", [2L], 1);
        var one = g.Initializer("one", [1f]);

        // Made where a network first needs its map (so one network's graph is laid out as it always was).
        var rowsOf = new Dictionary<CompactVocabulary, string>(ReferenceEqualityComparer.Instance);
        string Rows(CompactVocabulary vocabulary, string prefix)
        {
            if (!rowsOf.TryGetValue(vocabulary, out var gathered))
            {
                var map = vocabulary.Rows;
                gathered = g.Node("Gather", [g.Initializer(prefix + "vocabulary_rows", map, map.Length), "input_ids"], new OnnxAttribute.Int("axis", 0));
                rowsOf.Add(vocabulary, gathered);
            }
            return gathered;
        }
        // Nodes every network reads, made where the first network first needs them (so one network's graph is laid out
        // as it always was, and its file is byte for byte the same).
        string? aspect3 = null, mask = null, mask1 = null, aspect1 = null, mask2 = null;
        if (networks.Count == 1)
        {
            Network(networks[0], "", "logits");
        }
        else
        {
            // Members after the first get their own initializer names; the output is the log of the mean of their
            // probabilities, so the runner's softmax gives that mean.
            var probabilities = networks.Select((n, k) =>
                g.Node("Softmax", [Network(n, k == 0 ? "" : $"m{k}.", null)], new OnnxAttribute.Int("axis", 1))).ToArray();
            var mean = g.Node("Mul", [g.Node("Sum", probabilities), g.Initializer("ensemble_mean", [1f / networks.Count])]);
            g.Node("Log", [mean], ["logits"]);
        }

        string Network(ServedNetwork served, string prefix, string? output)
        {
            var net = served.Net;
            var w = net.Weights();
            var dilations = net.Shape.LayerDilations;
            var kernel = net.Shape.Kernel;
            string Weight(string name)
            {
                var (values, dims) = w[name];
                return g.Initializer(prefix + name, values, dims);
            }

            // Embeddings + the aspect vector on mention tokens: [batch, sequence, embedding].
            var rows = Rows(served.Vocabulary, prefix);
            var embedded = g.Node("Gather", [Weight("embedding.weight"), rows], new OnnxAttribute.Int("axis", 0));
            aspect3 ??= g.Node("Unsqueeze", ["aspect_mask", axis2]);
            var x = g.Node("Add", [embedded, g.Node("Mul", [aspect3, Weight("aspect")])]);

            // Convolutions over [batch, channels, sequence], zeroed on padding after each layer.
            mask ??= g.Node("Cast", ["attention_mask"], new OnnxAttribute.Int("to", (long)OnnxElementType.Float));
            mask1 ??= g.Node("Unsqueeze", [mask, axis1]);
            var h = g.Node("Mul", [g.Node("Transpose", [x], new OnnxAttribute.Ints("perm", [0, 2, 1])), mask1]);
            for (var l = 0; l < dilations.Length; l++)
            {
                var pad = dilations[l] * (kernel / 2);
                var conv = g.Node("Conv", [h, Weight($"convolutions.{l}.weight"), Weight($"convolutions.{l}.bias")],
                    new OnnxAttribute.Ints("dilations", [dilations[l]]), new OnnxAttribute.Ints("kernel_shape", [kernel]),
                    new OnnxAttribute.Ints("pads", [pad, pad]), new OnnxAttribute.Ints("strides", [1]));
                var y = g.Node("Mul", [g.Node("Relu", [conv]), mask1]);
                h = l == 0 ? y : g.Node("Add", [h, y]);
            }

            // Pooling: global max ⊕ global mean ⊕ mention mean ⊕ mention max ⊕ mean embedding.
            aspect1 ??= g.Node("Unsqueeze", ["aspect_mask", axis1]);
            var keep0 = new OnnxAttribute.Int("keepdims", 0);
            var keep1 = new OnnxAttribute.Int("keepdims", 1);
            var max2 = new OnnxAttribute.Ints("axes", [2]);
            var globalMax = g.Node("ReduceMax", [h], max2, keep0);
            var tokens = g.Node("Max", [g.Node("ReduceSum", [mask, axis1], keep1), one]);
            var globalMean = g.Node("Div", [g.Node("ReduceSum", [h, axis2], keep0), tokens]);
            var mentionH = g.Node("Mul", [h, aspect1]);
            var mentionTokens = g.Node("Max", [g.Node("ReduceSum", ["aspect_mask", axis1], keep1), one]);
            var mentionMean = g.Node("Div", [g.Node("ReduceSum", [mentionH, axis2], keep0), mentionTokens]);
            var mentionMax = g.Node("ReduceMax", [mentionH], max2, keep0);
            mask2 ??= g.Node("Unsqueeze", [mask, axis2]);
            var bag = g.Node("Div", [g.Node("ReduceSum", [g.Node("Mul", [x, mask2]), axis1], keep0), tokens]);
            string[] parts = shape.LexiconFeatures > 0
                ? [globalMax, globalMean, mentionMean, mentionMax, bag, "lexicon_evidence"]
                : [globalMax, globalMean, mentionMean, mentionMax, bag];
            var pooled = g.Node("Concat", parts, new OnnxAttribute.Int("axis", 1));

            // Head; the logit scale (1 / the temperature) multiplies the last layer's weights and bias.
            var transB = new OnnxAttribute.Int("transB", 1);
            var hiddenOut = g.Node("Relu", [g.Node("Gemm", [pooled, Weight("hidden.weight"), Weight("hidden.bias")], transB)]);
            var (ow, owShape) = w["output.weight"];
            var (ob, obShape) = w["output.bias"];
            var scale = (float)served.LogitScale;
            string[] inputs = [hiddenOut,
                g.Initializer(prefix + "output.weight", ow.Select(v => v * scale).ToArray(), owShape),
                g.Initializer(prefix + "output.bias", ob.Select(v => v * scale).ToArray(), obShape)];
            return output is null ? g.Node("Gemm", inputs, transB) : g.Node("Gemm", inputs, [output], transB);
        }

        foreach (var (key, value) in metadata ?? new Dictionary<string, string>()) g.Metadata(key, value);
        return g.ToBytes("StreamRisk.Nlp.Training");
    }
}

/// <summary>A network as the graph serves it: with the scale of its logits (1 / its temperature) and the map from BERT ids
/// to the rows of its embedding table.</summary>
public sealed record ServedNetwork(FirmSentimentNet Net, double LogitScale, CompactVocabulary Vocabulary);
