using StreamRisk.RiskModels.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamRisk.RiskModels.Training.Networks;

/// <summary>
/// iTransformer (Liu et al. 2024) in TorchSharp: input [batch, window, variates]; each variate's window becomes one
/// token (linear over time), post-norm encoder layers attend across variates, a final LayerNorm and a linear head read
/// the target variate's token → [batch, outputs]. Hidden variates (<paramref name="visible"/> false) are masked out of
/// attention as keys. Parameter names match <see cref="ITransformerShape.Tensors"/>, which the C# forward pass reads.
/// </summary>
public sealed class ITransformerModule : nn.Module<Tensor, Tensor>
{
    private readonly Linear embed;
    private readonly ModuleList<EncoderLayer> layers;
    private readonly LayerNorm norm;
    private readonly Linear head;
    private readonly float[] _keyMask;

    public ITransformerModule(ITransformerShape shape, IReadOnlyList<bool> visible) : base("itransformer")
    {
        shape.Validate();
        if (visible.Count != shape.Variates) throw new ArgumentException($"visible has {visible.Count} flags for {shape.Variates} variates");
        Shape = shape;
        embed = nn.Linear(shape.Window, shape.DModel);
        layers = new ModuleList<EncoderLayer>(Enumerable.Range(0, shape.Layers).Select(_ => new EncoderLayer(shape)).ToArray());
        norm = nn.LayerNorm(shape.DModel);
        head = nn.Linear(shape.DModel, shape.Outputs);
        // The target token (0) is always visible, so every attention row has at least one key.
        _keyMask = visible.Select((v, i) => v || i == 0 ? 0f : float.NegativeInfinity).ToArray();
        RegisterComponents();
    }

    public ITransformerShape Shape { get; }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var tokens = embed.forward(input.permute(0, 2, 1));
        using var mask = tensor(_keyMask).view(1, 1, 1, Shape.Variates);
        foreach (var layer in layers) tokens = layer.forward(tokens, mask);
        var target = norm.forward(tokens.select(1, 0));
        return head.forward(target).MoveToOuterDisposeScope();
    }

    /// <summary>One post-norm encoder layer: x = LN1(x + MHA(x)); x = LN2(x + FF(x)), ReLU feed-forward.</summary>
    private sealed class EncoderLayer : nn.Module<Tensor, Tensor, Tensor>
    {
        private readonly Linear query, key, value, @out, ff1, ff2;
        private readonly LayerNorm norm1, norm2;
        private readonly int _heads;
        private readonly int _dModel;

        public EncoderLayer(ITransformerShape shape) : base("encoder_layer")
        {
            _heads = shape.Heads;
            _dModel = shape.DModel;
            query = nn.Linear(shape.DModel, shape.DModel);
            key = nn.Linear(shape.DModel, shape.DModel);
            value = nn.Linear(shape.DModel, shape.DModel);
            @out = nn.Linear(shape.DModel, shape.DModel);
            norm1 = nn.LayerNorm(shape.DModel);
            ff1 = nn.Linear(shape.DModel, shape.FeedForward);
            ff2 = nn.Linear(shape.FeedForward, shape.DModel);
            norm2 = nn.LayerNorm(shape.DModel);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x, Tensor keyMask)
        {
            var batch = x.shape[0];
            var n = x.shape[1];
            var dh = _dModel / _heads;
            Tensor Split(Tensor t) => t.view(batch, n, _heads, dh).transpose(1, 2);
            var q = Split(query.forward(x));
            var k = Split(key.forward(x));
            var v = Split(value.forward(x));
            var scores = q.matmul(k.transpose(-2, -1)).mul(1.0 / Math.Sqrt(dh)).add(keyMask);
            var attention = nn.functional.softmax(scores, -1);
            var mixed = attention.matmul(v).transpose(1, 2).reshape(batch, n, _dModel);
            x = norm1.forward(x.add(@out.forward(mixed)));
            return norm2.forward(x.add(ff2.forward(nn.functional.relu(ff1.forward(x)))));
        }
    }
}
