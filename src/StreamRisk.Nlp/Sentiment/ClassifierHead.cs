using StreamRisk.Nlp.Runtime;

namespace StreamRisk.Nlp.Sentiment;

/// <summary>An MLP applied in C# to pooled features: dense layers with an activation between them (none after the last).</summary>
public sealed class ClassifierHead
{
    private readonly (float[] Weight, float[] Bias, int In, int Out)[] _layers;
    private readonly Func<float, float> _activation;

    public ClassifierHead(IReadOnlyList<(float[] Weight, float[] Bias, int In, int Out)> layers, string activation)
    {
        if (layers.Count == 0) throw new ArgumentException("a head needs at least one layer");
        for (var i = 1; i < layers.Count; i++)
            if (layers[i].In != layers[i - 1].Out)
                throw new ArgumentException($"layer {i} takes {layers[i].In} inputs but layer {i - 1} gives {layers[i - 1].Out}");
        _layers = layers.ToArray();
        _activation = activation switch
        {
            "tanh" => MathF.Tanh,
            "relu" => static x => MathF.Max(0, x),
            "gelu" => static x => 0.5f * x * (1f + Erf(x / MathF.Sqrt(2f))),
            _ => throw new ArgumentException($"activation '{activation}' is not one of tanh, relu, gelu"),
        };
    }

    public int InputSize => _layers[0].In;
    public int OutputSize => _layers[^1].Out;

    /// <summary>Floats <see cref="Apply"/> needs as scratch space.</summary>
    public int ScratchSize => 2 * _layers.Max(l => l.Out);

    /// <summary>Reads <c>{layer}.weight</c> [out, in] and <c>{layer}.bias</c> [out] for each named layer.</summary>
    public static ClassifierHead FromSafetensors(string path, IReadOnlyList<string> layerNames, string activation)
    {
        var tensors = SafetensorsFile.Read(path);
        var layers = new List<(float[], float[], int, int)>();
        foreach (var name in layerNames)
        {
            if (!tensors.TryGetValue(name + ".weight", out var w) || w.Shape.Length != 2)
                throw new InvalidDataException($"{path}: no 2-D tensor '{name}.weight' (layers: {string.Join(", ", tensors.Keys)})");
            if (!tensors.TryGetValue(name + ".bias", out var b) || b.Shape.Length != 1 || b.Shape[0] != w.Shape[0])
                throw new InvalidDataException($"{path}: no tensor '{name}.bias' of length {w.Shape[0]}");
            layers.Add((w.Data, b.Data, w.Shape[1], w.Shape[0]));
        }
        return new ClassifierHead(layers, activation);
    }

    /// <summary>Logits for one feature vector; <paramref name="scratch"/> needs room for twice the widest layer.</summary>
    public void Apply(ReadOnlySpan<float> features, Span<float> logits, Span<float> scratch)
    {
        var width = 0;
        foreach (var l in _layers) width = Math.Max(width, l.Out);
        var a = scratch[..width];
        var b = scratch.Slice(width, width);
        var input = features;
        for (var li = 0; li < _layers.Length; li++)
        {
            var (weight, bias, inSize, outSize) = _layers[li];
            var output = li == _layers.Length - 1 ? logits : (li % 2 == 0 ? a : b);
            for (var o = 0; o < outSize; o++)
            {
                var row = weight.AsSpan(o * inSize, inSize);
                var sum = bias[o];
                for (var i = 0; i < inSize; i++) sum += row[i] * input[i];
                output[o] = li == _layers.Length - 1 ? sum : _activation(sum);
            }
            input = output[..outSize];
        }
    }

    // Abramowitz–Stegun 7.1.26 (|error| < 1.5e-7): .NET has no float erf.
    private static float Erf(float x)
    {
        var sign = MathF.Sign(x);
        x = MathF.Abs(x);
        var t = 1f / (1f + 0.3275911f * x);
        var y = 1f - (((((1.061405429f * t - 1.453152027f) * t) + 1.421413741f) * t - 0.284496736f) * t + 0.254829592f) * t * MathF.Exp(-x * x);
        return sign * y;
    }
}
