using StreamRisk.Core.Serialization;

namespace StreamRisk.RiskModels.Networks;

/// <summary>
/// The forward pass of the iTransformer (Liu et al. 2024) in plain C#, equal to the TorchSharp module that trained it
/// (tested to 1e-4): each variate's window is one token (linear embedding over time), post-norm encoder layers with
/// multi-head attention across variates and a ReLU feed-forward per token, a final LayerNorm, and a linear head on the
/// target variate's token. A variate mask hides tokens from attention (keys), which is how the same network runs with
/// some inputs switched off. Serving needs no TorchSharp.
/// </summary>
public sealed class ITransformerNetwork
{
    private const float LayerNormEpsilon = 1e-5f;
    private readonly Dictionary<string, float[]> _w;

    public ITransformerNetwork(ITransformerShape shape, IReadOnlyDictionary<string, SafetensorsTensor> weights)
    {
        shape.Validate();
        Shape = shape;
        _w = NetworkWeights.Checked(shape.Tensors(), weights);
    }

    public ITransformerShape Shape { get; }

    /// <summary>
    /// Forecast for one normalised window, row-major [Window × Variates] (time steps as rows).
    /// <paramref name="visible"/>: per variate, whether other tokens may attend to it (null: all; the target token always is).
    /// <paramref name="attention"/>, when given (length Variates), receives the last layer's attention of the target
    /// token over the variates, averaged over heads: the explanation served with the forecast.
    /// </summary>
    public void Forward(ReadOnlySpan<float> window, ReadOnlySpan<bool> visible, Span<float> output, Span<float> attention = default)
    {
        var (l, n, d, heads) = (Shape.Window, Shape.Variates, Shape.DModel, Shape.Heads);
        if (window.Length != l * n) throw new ArgumentException($"window has {window.Length} values, expected {l}×{n}");
        if (output.Length != Shape.Outputs) throw new ArgumentException($"output needs {Shape.Outputs} values");
        var x = new float[n * d];
        // Token v = embed(series v over time).
        var token = new float[l];
        for (var v = 0; v < n; v++)
        {
            for (var t = 0; t < l; t++) token[t] = window[t * n + v];
            Linear(token, _w["embed.weight"], _w["embed.bias"], x.AsSpan(v * d, d), l, d);
        }

        var dh = d / heads;
        var scale = 1.0f / MathF.Sqrt(dh);
        var q = new float[n * d];
        var k = new float[n * d];
        var val = new float[n * d];
        var mixed = new float[n * d];
        var projected = new float[n * d];
        var hidden = new float[Shape.FeedForward];
        var scores = new float[n];
        for (var layer = 0; layer < Shape.Layers; layer++)
        {
            var p = $"layers.{layer}.";
            for (var v = 0; v < n; v++)
            {
                var row = x.AsSpan(v * d, d);
                Linear(row, _w[p + "query.weight"], _w[p + "query.bias"], q.AsSpan(v * d, d), d, d);
                Linear(row, _w[p + "key.weight"], _w[p + "key.bias"], k.AsSpan(v * d, d), d, d);
                Linear(row, _w[p + "value.weight"], _w[p + "value.bias"], val.AsSpan(v * d, d), d, d);
            }
            var last = layer == Shape.Layers - 1;
            if (last && !attention.IsEmpty) attention[..n].Clear();
            for (var h = 0; h < heads; h++)
            {
                for (var i = 0; i < n; i++)
                {
                    var max = float.NegativeInfinity;
                    for (var j = 0; j < n; j++)
                    {
                        if (!Visible(visible, j))
                        {
                            scores[j] = float.NegativeInfinity;
                            continue;
                        }
                        var dot = 0f;
                        for (var c = 0; c < dh; c++) dot += q[i * d + h * dh + c] * k[j * d + h * dh + c];
                        scores[j] = dot * scale;
                        if (scores[j] > max) max = scores[j];
                    }
                    var sum = 0f;
                    for (var j = 0; j < n; j++)
                    {
                        scores[j] = float.IsNegativeInfinity(scores[j]) ? 0 : MathF.Exp(scores[j] - max);
                        sum += scores[j];
                    }
                    for (var c = 0; c < dh; c++)
                    {
                        var acc = 0f;
                        for (var j = 0; j < n; j++) acc += scores[j] / sum * val[j * d + h * dh + c];
                        mixed[i * d + h * dh + c] = acc;
                    }
                    if (last && i == 0 && !attention.IsEmpty)
                    {
                        for (var j = 0; j < n; j++) attention[j] += scores[j] / sum / heads;
                    }
                }
            }
            for (var v = 0; v < n; v++)
            {
                Linear(mixed.AsSpan(v * d, d), _w[p + "out.weight"], _w[p + "out.bias"], projected.AsSpan(v * d, d), d, d);
                var row = x.AsSpan(v * d, d);
                for (var c = 0; c < d; c++) row[c] += projected[v * d + c];
                LayerNorm(row, _w[p + "norm1.weight"], _w[p + "norm1.bias"]);
                Linear(row, _w[p + "ff1.weight"], _w[p + "ff1.bias"], hidden, d, Shape.FeedForward);
                for (var c = 0; c < hidden.Length; c++) hidden[c] = MathF.Max(hidden[c], 0);
                var ff = projected.AsSpan(v * d, d);
                Linear(hidden, _w[p + "ff2.weight"], _w[p + "ff2.bias"], ff, Shape.FeedForward, d);
                for (var c = 0; c < d; c++) row[c] += ff[c];
                LayerNorm(row, _w[p + "norm2.weight"], _w[p + "norm2.bias"]);
            }
        }
        var target = x.AsSpan(0, d);
        LayerNorm(target, _w["norm.weight"], _w["norm.bias"]);
        Linear(target, _w["head.weight"], _w["head.bias"], output, d, Shape.Outputs);
    }

    private static bool Visible(ReadOnlySpan<bool> visible, int j) => j == 0 || visible.IsEmpty || visible[j];

    /// <summary>y = W x + b with W [outputs × inputs] row-major (torch's nn.Linear layout).</summary>
    private static void Linear(ReadOnlySpan<float> x, float[] w, float[] b, Span<float> y, int inputs, int outputs)
    {
        for (var o = 0; o < outputs; o++)
        {
            var row = w.AsSpan(o * inputs, inputs);
            var acc = b[o];
            for (var i = 0; i < inputs; i++) acc += row[i] * x[i];
            y[o] = acc;
        }
    }

    private static void LayerNorm(Span<float> x, float[] gamma, float[] beta)
    {
        var mean = 0f;
        foreach (var v in x) mean += v;
        mean /= x.Length;
        var variance = 0f;
        foreach (var v in x) variance += (v - mean) * (v - mean);
        variance /= x.Length;
        var inv = 1f / MathF.Sqrt(variance + LayerNormEpsilon);
        for (var i = 0; i < x.Length; i++) x[i] = (x[i] - mean) * inv * gamma[i] + beta[i];
    }
}
