using StreamRisk.Core.Serialization;
using StreamRisk.RiskModels.Default;
using StreamRisk.RiskModels.Networks;

namespace StreamRisk.RiskModels.Tests.Networks;

public class EmdlotNetwork_TimeAwareCell
{
    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(3, 0.5735035463793008)]  // 1 / ln(e + 3) = 1 / 1.74367
    [InlineData(6, 0.46180371154032895)] // 1 / ln(e + 6) = 1 / 2.16541
    public void TheDecay_IsOneOverLogOfEPlusTheGap(double months, double expected) =>
        Assert.Equal(expected, EmdlotShape.Decay(months), 12);

    /// <summary>
    /// One indicator, one unit everywhere, no attention (x̃ = x), numbers n = tanh(1·x + 0). Cell weights, rows i f o u:
    /// W_x = [0.5, 1, −0.5, 2], W_h = [0.1, 0.2, 0.3, 0.4], no gate bias; decay W_d = 0.8, b_d = 0.1.
    /// Quarter 1 (x = 0.5, Δt = 0): z = tanh 0.5 = 0.462117; C = 0 so C_S = tanh(0.1) = 0.099668, g = 1,
    ///   C* = 0 − 0.099668 + 0.099668 = 0; gates i = σ(0.231059) = 0.557509, f = σ(0.462117) = 0.613516,
    ///   o = σ(−0.231059) = 0.442491, u = tanh(0.924234) = 0.727894; C = 0.557509·0.727894 = 0.405808,
    ///   h = 0.442491·tanh(0.405808) = 0.170318.
    /// Quarter 2 (x = −1, Δt = 6): z = −0.761594; C_S = tanh(0.8·0.405808 + 0.1) = 0.400837, g = 0.461804,
    ///   C* = 0.405808 − 0.400837 + 0.461804·0.400837 = 0.190079; gates (−0.363765, −0.727531, 0.431892, −1.455061):
    ///   i = 0.410048, f = 0.325737, o = 0.606325, u = −0.896689; C = 0.325737·0.190079 + 0.410048·(−0.896689) = −0.305770,
    ///   h = 0.606325·tanh(−0.305770) = −0.179827.
    /// The plain LSTM cell (C* = C) gives h = −0.140207 at quarter 2 instead.
    /// The head reads logits (h, 0, 0), so h = ln(P_performing / P_extended).
    /// </summary>
    [Theory]
    [InlineData(true, 1, 0.17031798931456782)]
    [InlineData(true, 2, -0.17982665328859465)]
    [InlineData(false, 2, -0.14020687162687362)]
    public void TwoQuarters_GiveTheHandWorkedHiddenState(bool timeAware, int quarters, double expectedHidden)
    {
        var shape = new EmdlotShape(1, 1, 1, 1, 1, 1, UseText: false, UseAttention: false, TimeAware: timeAware);
        var weights = new Dictionary<string, SafetensorsTensor>
        {
            ["numeric.weight"] = new([1, 1], [1f]), ["numeric.bias"] = new([1], [0f]),
            ["cell.input.weight"] = new([4, 1], [0.5f, 1f, -0.5f, 2f]), ["cell.input.bias"] = new([4], [0f, 0f, 0f, 0f]),
            ["cell.hidden.weight"] = new([4, 1], [0.1f, 0.2f, 0.3f, 0.4f]),
            ["cell.decay.weight"] = new([1, 1], [0.8f]), ["cell.decay.bias"] = new([1], [0.1f]),
            ["centroids"] = new([1, 1], [0f]), ["heads_weight"] = new([1, 3, 1], [1f, 0f, 0f]), ["heads_bias"] = new([1, 3], [0f, 0f, 0f]),
        };
        var network = new EmdlotNetwork(shape, weights);
        var batch = Batch(values: [0.5f, -1f], elapsed: [0, 6], mask: quarters == 2 ? [1, 1] : [1, 0]);
        var p = new float[3];
        network.Forward(batch, 0, p);
        Assert.Equal(expectedHidden, Math.Log(p[0] / p[1]), 4);
        Assert.Equal(1f, p.Sum(), 5);
    }

    private static DefaultBatch Batch(float[] values, float[] elapsed, float[] mask) => new()
    {
        Size = 1, Steps = values.Length, Features = 1, Chapters = 1, EmbeddingDimension = 1,
        Values = values, Elapsed = elapsed, StepMask = mask, Text = new float[values.Length], ChapterMask = new float[values.Length],
    };
}
