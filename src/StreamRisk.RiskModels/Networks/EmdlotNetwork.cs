using System.Numerics;
using StreamRisk.Core.Serialization;
using StreamRisk.RiskModels.Default;

namespace StreamRisk.RiskModels.Networks;

/// <summary>What the network looked at for one example: the explanation served with its class probabilities.</summary>
/// <param name="FeatureWeights">[Steps × Features]: feature attention per quarter (0 at padded steps).</param>
/// <param name="ChapterWeights">[Steps × Chapters]: chapter attention per quarter (0 where a chapter had no text).</param>
/// <param name="ModalityWeights">[Steps × 2]: weight of numbers, then of text, per quarter.</param>
/// <param name="Assignment">[Clusters]: soft cluster membership.</param>
public sealed record EmdlotTrace(float[] FeatureWeights, float[] ChapterWeights, float[] ModalityWeights, float[] Assignment);

/// <summary>
/// The EMDLOT forward pass in plain C#, equal to the TorchSharp module that trained it (tested to 1e-4), so serving
/// needs no TorchSharp. Per quarter t: feature attention α = softmax(W_a x / τ_f), x̃ = F·α⊙x; numbers n = tanh(W_n x̃);
/// chapters ẽ_c = tanh(W_e e_c), β = masked softmax(w_c·ẽ / τ_c), text s = Σ β_c ẽ_c; modalities
/// γ = masked softmax(w_m·[n, s] / τ_m), z = γ_n n + γ_s s. A Time-Aware LSTM (Baytas et al. 2017) reads z with the
/// months since the previous statement: C_S = tanh(W_d C + b_d), C* = C − C_S + g(Δt)·C_S, g(Δt) = 1/ln(e + Δt),
/// then the LSTM gates on C*. Padded quarters leave the state unchanged, so the representation r is the hidden state
/// at the last real quarter. Soft clusters: p = softmax_k(−‖r − μ_k‖²); the prediction is Σ_k p_k softmax(head_k(r)).
/// </summary>
public sealed class EmdlotNetwork
{
    /// <summary>Added to the score of a masked entry before a softmax: exp underflows to exactly 0 (torch does the same).</summary>
    public const float MaskedScore = -1e9f;

    private readonly Dictionary<string, float[]> _w;

    public EmdlotNetwork(EmdlotShape shape, IReadOnlyDictionary<string, SafetensorsTensor> weights)
    {
        shape.Validate();
        Shape = shape;
        _w = NetworkWeights.Checked(shape.Tensors(), weights);
    }

    public EmdlotShape Shape { get; }

    /// <summary>Class probabilities (performing, extended, defaulted) of row <paramref name="row"/> of <paramref name="batch"/>;
    /// <paramref name="trace"/>, when given, receives the attention weights and the cluster membership.</summary>
    public void Forward(DefaultBatch batch, int row, Span<float> probabilities, EmdlotTrace? trace = null)
    {
        var s = Shape;
        var (tCount, f, c, e, d, h, k) = (batch.Steps, s.Features, s.Chapters, s.EmbeddingDimension, s.ModalityDimension, s.Hidden, s.Clusters);
        if (batch.Features != f || batch.Chapters != c || batch.EmbeddingDimension != e)
            throw new ArgumentException($"batch has {batch.Features} features, {batch.Chapters} chapters of {batch.EmbeddingDimension}; the network reads {f}, {c} of {e}");
        if (probabilities.Length != EmdlotShape.Classes) throw new ArgumentException("3 probabilities");
        if (trace is not null)
        {
            Array.Clear(trace.FeatureWeights);
            Array.Clear(trace.ChapterWeights);
            Array.Clear(trace.ModalityWeights);
        }

        var alpha = new float[f];
        var xt = new float[f];
        var n = new float[d];
        var text = new float[c * d];
        var beta = new float[c];
        var sText = new float[d];
        var z = new float[d];
        var hState = new float[h];
        var cState = new float[h];
        var cStar = new float[h];
        var cs = new float[h];
        var gates = new float[4 * h];
        for (var t = 0; t < tCount; t++)
        {
            var at = (long)row * tCount + t;
            if (batch.StepMask[at] == 0) continue;
            var x = batch.Values.AsSpan((int)(at * f), f);

            // Feature attention.
            if (s.UseAttention)
            {
                Linear(x, _w["feature_attention.weight"], _w["feature_attention.bias"], alpha, f, f);
                Softmax(alpha, (float)s.FeatureTemperature);
            }
            else
            {
                alpha.AsSpan().Fill(1f / f);
            }
            for (var i = 0; i < f; i++) xt[i] = x[i] * alpha[i] * f;
            Linear(xt, _w["numeric.weight"], _w["numeric.bias"], n, f, d);
            Tanh(n);
            if (trace is not null) alpha.CopyTo(trace.FeatureWeights.AsSpan(t * f, f));

            // Chapters and modalities.
            float gammaNumbers = 1, gammaText = 0;
            if (s.UseText)
            {
                var present = 0;
                for (var j = 0; j < c; j++)
                {
                    beta[j] = 0;
                    if (batch.ChapterMask[at * c + j] == 0) continue;
                    present++;
                    var row1 = text.AsSpan(j * d, d);
                    Linear(batch.Text.AsSpan((int)((at * c + j) * e), e), _w["text.weight"], _w["text.bias"], row1, e, d);
                    Tanh(row1);
                }
                Array.Clear(sText);
                if (present > 0)
                {
                    if (s.UseAttention)
                    {
                        var max = float.NegativeInfinity;
                        for (var j = 0; j < c; j++)
                        {
                            if (batch.ChapterMask[at * c + j] == 0) continue;
                            beta[j] = (Dot(_w["chapter_attention.weight"], text.AsSpan(j * d, d)) + _w["chapter_attention.bias"][0]) / (float)s.ChapterTemperature;
                            max = MathF.Max(max, beta[j]);
                        }
                        var sum = 0f;
                        for (var j = 0; j < c; j++)
                        {
                            beta[j] = batch.ChapterMask[at * c + j] == 0 ? 0 : MathF.Exp(beta[j] - max);
                            sum += beta[j];
                        }
                        for (var j = 0; j < c; j++) beta[j] /= sum;
                    }
                    else
                    {
                        for (var j = 0; j < c; j++) beta[j] = batch.ChapterMask[at * c + j] == 0 ? 0 : 1f / present;
                    }
                    for (var j = 0; j < c; j++)
                    {
                        if (beta[j] == 0) continue;
                        for (var i = 0; i < d; i++) sText[i] += beta[j] * text[j * d + i];
                    }
                    if (s.UseAttention)
                    {
                        var w = _w["modality_attention.weight"];
                        var b = _w["modality_attention.bias"][0];
                        var scoreNumbers = (Dot(w, n) + b) / (float)s.ModalityTemperature;
                        var scoreText = (Dot(w, sText) + b) / (float)s.ModalityTemperature;
                        var max = MathF.Max(scoreNumbers, scoreText);
                        var en = MathF.Exp(scoreNumbers - max);
                        var et = MathF.Exp(scoreText - max);
                        gammaNumbers = en / (en + et);
                        gammaText = et / (en + et);
                    }
                    else
                    {
                        gammaNumbers = gammaText = 0.5f;
                    }
                }
                if (trace is not null) beta.AsSpan(0, c).CopyTo(trace.ChapterWeights.AsSpan(t * c, c));
            }
            for (var i = 0; i < d; i++) z[i] = gammaNumbers * n[i] + gammaText * sText[i];
            if (trace is not null)
            {
                trace.ModalityWeights[t * 2] = gammaNumbers;
                trace.ModalityWeights[t * 2 + 1] = gammaText;
            }

            // Time-aware LSTM step.
            if (s.TimeAware)
            {
                Linear(cState, _w["cell.decay.weight"], _w["cell.decay.bias"], cs, h, h);
                Tanh(cs);
                var g = (float)EmdlotShape.Decay(batch.Elapsed[at]);
                for (var i = 0; i < h; i++) cStar[i] = cState[i] - cs[i] + g * cs[i];
            }
            else
            {
                cState.CopyTo(cStar, 0);
            }
            Linear(z, _w["cell.input.weight"], _w["cell.input.bias"], gates, d, 4 * h);
            var wh = _w["cell.hidden.weight"];
            for (var o = 0; o < 4 * h; o++) gates[o] += Dot(wh.AsSpan(o * h, h), hState);
            for (var i = 0; i < h; i++)
            {
                var ig = Sigmoid(gates[i]);
                var fg = Sigmoid(gates[h + i]);
                var og = Sigmoid(gates[2 * h + i]);
                var u = MathF.Tanh(gates[3 * h + i]);
                cState[i] = fg * cStar[i] + ig * u;
                hState[i] = og * MathF.Tanh(cState[i]);
            }
        }

        // Soft clusters and their heads.
        var assignment = new float[k];
        var centroids = _w["centroids"];
        for (var j = 0; j < k; j++)
        {
            var d2 = 0f;
            for (var i = 0; i < h; i++)
            {
                var diff = hState[i] - centroids[j * h + i];
                d2 += diff * diff;
            }
            assignment[j] = -d2;
        }
        Softmax(assignment, 1f);
        probabilities.Clear();
        Span<float> logits = stackalloc float[EmdlotShape.Classes];
        var hw = _w["heads_weight"];
        var hb = _w["heads_bias"];
        for (var j = 0; j < k; j++)
        {
            for (var o = 0; o < EmdlotShape.Classes; o++) logits[o] = hb[j * EmdlotShape.Classes + o] + Dot(hw.AsSpan((j * EmdlotShape.Classes + o) * h, h), hState);
            var max = MathF.Max(logits[0], MathF.Max(logits[1], logits[2]));
            var sum = 0f;
            for (var o = 0; o < EmdlotShape.Classes; o++) sum += logits[o] = MathF.Exp(logits[o] - max);
            for (var o = 0; o < EmdlotShape.Classes; o++) probabilities[o] += assignment[j] * logits[o] / sum;
        }
        if (trace is not null) assignment.CopyTo(trace.Assignment, 0);
    }

    /// <summary>A trace sized for this network and <paramref name="steps"/> quarters.</summary>
    public EmdlotTrace NewTrace(int steps) =>
        new(new float[steps * Shape.Features], new float[steps * Shape.Chapters], new float[steps * 2], new float[Shape.Clusters]);

    private static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

    private static void Tanh(Span<float> x)
    {
        for (var i = 0; i < x.Length; i++) x[i] = MathF.Tanh(x[i]);
    }

    private static void Softmax(Span<float> x, float temperature)
    {
        var max = float.NegativeInfinity;
        for (var i = 0; i < x.Length; i++) max = MathF.Max(max, x[i] / temperature);
        var sum = 0f;
        for (var i = 0; i < x.Length; i++) sum += x[i] = MathF.Exp(x[i] / temperature - max);
        for (var i = 0; i < x.Length; i++) x[i] /= sum;
    }

    /// <summary>y = W x + b with W [outputs × inputs] row-major (torch's nn.Linear layout).</summary>
    private static void Linear(ReadOnlySpan<float> x, float[] w, float[] b, Span<float> y, int inputs, int outputs)
    {
        for (var o = 0; o < outputs; o++) y[o] = b[o] + Dot(w.AsSpan(o * inputs, inputs), x);
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var acc = Vector<float>.Zero;
        var i = 0;
        var width = Vector<float>.Count;
        for (; i <= a.Length - width; i += width) acc += new Vector<float>(a.Slice(i, width)) * new Vector<float>(b.Slice(i, width));
        var sum = Vector.Sum(acc);
        for (; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
