using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamRisk.RiskModels.Training.Networks;

/// <summary>Which columns of the [batch, window, variates] input an <see cref="AttnMlpModule"/> reads.</summary>
/// <param name="Own">The forecaster head's own inputs (the spread, its change, the fundamentals).</param>
/// <param name="Firm">The day's firm-level score.</param>
/// <param name="Industry">The day's industry-level (meso) score.</param>
/// <param name="FixedComposite">The live composite (0.7 firm + 0.3 industry), read only when the aggregation is fixed.</param>
public sealed record AttnMlpColumns(IReadOnlyList<int> Own, int Firm, int Industry, int FixedComposite);

/// <summary>
/// MulFSA's AttnMLP aggregation trained jointly with a small forecaster head. Learned: on each day of the window the
/// firm score and the industry score each go through their own linear encoder (one token per level); the firm token's
/// query attends over the day's two level tokens (scaled dot product; the weights are the day's learned, input-dependent
/// mix of the two levels), and a linear output of the attended token gives the day's learned composite. Fixed: the live
/// composite column instead. Either way the head (one ReLU hidden layer) reads the flattened window of the own columns
/// and the composite → [batch, outputs], so the two differ only in how the firm and industry signals are combined.
/// Attention stays within a day: a composite never mixes in another day's scores, as the live composite does not.
/// </summary>
public sealed class AttnMlpModule : nn.Module<Tensor, Tensor>
{
    private readonly Linear? firmEncoder, industryEncoder, query, key, output;
    private readonly Linear hidden, head;
    private readonly long[] _own;
    private readonly AttnMlpColumns _columns;
    private readonly int _width;

    public AttnMlpModule(int window, int variates, AttnMlpColumns columns, bool learned, int width, int headHidden, int outputs) : base("attn_mlp")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(headHidden, 1);
        int[] all = [.. columns.Own, columns.Firm, columns.Industry, columns.FixedComposite];
        if (columns.Own.Count == 0 || all.Any(c => c < 0 || c >= variates)) throw new ArgumentException($"columns must be in 0..{variates - 1}", nameof(columns));
        _own = columns.Own.Select(c => (long)c).ToArray();
        _columns = columns;
        _width = width;
        Learned = learned;
        if (learned)
        {
            firmEncoder = nn.Linear(1, width);
            industryEncoder = nn.Linear(1, width);
            query = nn.Linear(width, width);
            key = nn.Linear(width, width);
            output = nn.Linear(width, 1);
        }
        hidden = nn.Linear(window * (columns.Own.Count + 1), headHidden);
        head = nn.Linear(headHidden, outputs);
        RegisterComponents();
    }

    public bool Learned { get; }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var batch = input.shape[0];
        using var own = tensor(_own);
        var flat = input.index_select(2, own).reshape(batch, -1);
        var composite = Learned ? Aggregate(input) : input.select(2, _columns.FixedComposite);
        var features = cat([flat, composite], 1);
        return head.forward(nn.functional.relu(hidden.forward(features))).MoveToOuterDisposeScope();
    }

    /// <summary>The learned composite per day of the window: [batch, window].</summary>
    public Tensor Aggregate(Tensor input)
    {
        using var scope = NewDisposeScope();
        var (levels, weights) = Attend(input);
        return output!.forward(weights.unsqueeze(-1).mul(levels).sum(2)).squeeze(-1).MoveToOuterDisposeScope();
    }

    /// <summary>The attention weight of the industry token per day of the window: [batch, window] (the firm token gets 1 − it).</summary>
    public Tensor IndustryWeights(Tensor input)
    {
        using var scope = NewDisposeScope();
        return Attend(input).Weights.select(2, 1).MoveToOuterDisposeScope();
    }

    private (Tensor Levels, Tensor Weights) Attend(Tensor input)
    {
        if (!Learned) throw new InvalidOperationException("the fixed aggregation has no attention");
        var firm = firmEncoder!.forward(input.select(2, _columns.Firm).unsqueeze(-1));
        var industry = industryEncoder!.forward(input.select(2, _columns.Industry).unsqueeze(-1));
        var levels = stack([firm, industry], 2);
        var scores = query!.forward(firm).unsqueeze(2).mul(key!.forward(levels)).sum(-1).mul(1.0 / Math.Sqrt(_width));
        return (levels, nn.functional.softmax(scores, -1));
    }
}
