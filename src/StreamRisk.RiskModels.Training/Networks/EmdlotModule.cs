using StreamRisk.RiskModels.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamRisk.RiskModels.Training.Networks;

/// <summary>What one EMDLOT forward pass gives: class probabilities [B,3], cluster membership [B,K], the sequence
/// representation [B,H] and the attention weights (feature [B,T,F], chapter [B,T,C] or null, modality [B,T,2]).</summary>
public sealed record EmdlotOutputs(Tensor Probabilities, Tensor Assignment, Tensor Representation, Tensor FeatureWeights, Tensor? ChapterWeights, Tensor ModalityWeights);

/// <summary>
/// EMDLOT (arXiv 2509.10802) in TorchSharp, the same computation as <see cref="EmdlotNetwork"/> (see there for the
/// equations) on a batch. Parameter names match <see cref="EmdlotShape.Tensors"/>, which the C# forward pass reads.
/// </summary>
public sealed class EmdlotModule : nn.Module
{
    private readonly Linear? feature_attention;
    private readonly Linear numeric;
    private readonly Linear? text;
    private readonly Linear? chapter_attention;
    private readonly Linear? modality_attention;
    private readonly TimeAwareCell cell;
    private readonly Parameter centroids;
    private readonly Parameter heads_weight;
    private readonly Parameter heads_bias;

    public EmdlotModule(EmdlotShape shape) : base("emdlot")
    {
        shape.Validate();
        Shape = shape;
        if (shape.UseAttention) feature_attention = nn.Linear(shape.Features, shape.Features);
        numeric = nn.Linear(shape.Features, shape.ModalityDimension);
        if (shape.UseText)
        {
            text = nn.Linear(shape.EmbeddingDimension, shape.ModalityDimension);
            if (shape.UseAttention)
            {
                chapter_attention = nn.Linear(shape.ModalityDimension, 1);
                modality_attention = nn.Linear(shape.ModalityDimension, 1);
            }
        }
        cell = new TimeAwareCell(shape.ModalityDimension, shape.Hidden, shape.TimeAware);
        var bound = 1.0 / Math.Sqrt(shape.Hidden);
        centroids = new Parameter(torch.randn(shape.Clusters, shape.Hidden).mul(0.1));
        heads_weight = new Parameter(torch.rand(shape.Clusters, EmdlotShape.Classes, shape.Hidden).mul(2 * bound).sub(bound));
        heads_bias = new Parameter(torch.rand(shape.Clusters, EmdlotShape.Classes).mul(2 * bound).sub(bound));
        RegisterComponents();
    }

    public EmdlotShape Shape { get; }

    public Parameter Centroids => centroids;

    /// <summary>
    /// values [B,T,F], elapsed [B,T] (months), stepMask [B,T], text [B,T,C,E] and chapterMask [B,T,C] (ignored without text).
    /// <paramref name="uniformAssignment"/>: every cluster weighs 1/K (the pre-training phase, before K-means has placed the centroids).
    /// </summary>
    public EmdlotOutputs Run(Tensor values, Tensor elapsed, Tensor stepMask, Tensor? textInput, Tensor? chapterMask, bool uniformAssignment = false)
    {
        var s = Shape;
        var f = s.Features;
        var alpha = feature_attention is not null
            ? nn.functional.softmax(feature_attention.forward(values).div(s.FeatureTemperature), -1)
            : torch.full_like(values, 1.0 / f);
        var numbers = numeric.forward(values.mul(alpha).mul(f)).tanh();
        Tensor z, gamma;
        Tensor? beta = null;
        if (text is not null)
        {
            if (textInput is null || chapterMask is null) throw new ArgumentException("this EMDLOT reads text: give the text and chapter mask");
            var chapters = text.forward(textInput).tanh();
            var has = chapterMask.sum(-1).gt(0).to_type(ScalarType.Float32);
            beta = chapter_attention is not null
                ? nn.functional.softmax(chapter_attention.forward(chapters).squeeze(-1).div(s.ChapterTemperature).add(chapterMask.sub(1).mul(-EmdlotNetwork.MaskedScore)), -1).mul(chapterMask)
                : chapterMask.div(chapterMask.sum(-1, keepdim: true).clamp_min(1));
            var textual = beta.unsqueeze(-1).mul(chapters).sum(2);
            if (modality_attention is not null)
            {
                var scoreNumbers = modality_attention.forward(numbers).squeeze(-1).div(s.ModalityTemperature);
                var scoreText = modality_attention.forward(textual).squeeze(-1).div(s.ModalityTemperature).add(has.sub(1).mul(-EmdlotNetwork.MaskedScore));
                gamma = nn.functional.softmax(torch.stack([scoreNumbers, scoreText], -1), -1);
            }
            else
            {
                gamma = torch.stack([has.add(1).reciprocal(), has.div(has.add(1))], -1);
            }
            z = gamma.narrow(-1, 0, 1).mul(numbers).add(gamma.narrow(-1, 1, 1).mul(textual));
        }
        else
        {
            z = numbers;
            var ones = torch.ones_like(stepMask);
            gamma = torch.stack([ones, torch.zeros_like(stepMask)], -1);
        }

        var batch = values.shape[0];
        var h = torch.zeros(batch, s.Hidden);
        var c = torch.zeros(batch, s.Hidden);
        for (var t = 0; t < values.shape[1]; t++)
        {
            var m = stepMask.select(1, t).unsqueeze(-1);
            var (hn, cn) = cell.Step(z.select(1, t), elapsed.select(1, t).unsqueeze(-1), h, c);
            // A padded quarter leaves the state as it was: the representation is the state after the last real quarter.
            c = m.mul(cn).add(m.neg().add(1).mul(c));
            h = m.mul(hn).add(m.neg().add(1).mul(h));
        }

        var assignment = uniformAssignment
            ? torch.full(batch, s.Clusters, 1.0 / s.Clusters)
            : nn.functional.softmax(h.unsqueeze(1).sub(centroids.unsqueeze(0)).pow(2).sum(-1).neg(), -1);
        var logits = torch.einsum("bh,kch->bkc", h, heads_weight).add(heads_bias);
        var probabilities = assignment.unsqueeze(-1).mul(nn.functional.softmax(logits, -1)).sum(1);
        return new EmdlotOutputs(probabilities, assignment, h, alpha, beta, gamma);
    }

    /// <summary>
    /// Time-Aware LSTM cell (Baytas et al. 2017): the memory's short-term part C_S = tanh(W_d C + b_d) is discounted by
    /// g(Δt) = 1/ln(e + Δt): C* = C − C_S + g(Δt)·C_S; then input, forget, output gates and candidate (in that order
    /// in the 4H rows) on C*. Without time-awareness it is the plain LSTM cell (C* = C, no W_d).
    /// </summary>
    private sealed class TimeAwareCell : nn.Module
    {
        private readonly Linear input;
        private readonly Linear hidden;
        private readonly Linear? decay;
        private readonly int _units;

        public TimeAwareCell(int inputs, int units, bool timeAware) : base("cell")
        {
            _units = units;
            input = nn.Linear(inputs, 4 * units);
            hidden = nn.Linear(units, 4 * units, hasBias: false);
            if (timeAware) decay = nn.Linear(units, units);
            RegisterComponents();
        }

        public (Tensor H, Tensor C) Step(Tensor x, Tensor elapsed, Tensor h, Tensor c)
        {
            var cStar = c;
            if (decay is not null)
            {
                var shortTerm = decay.forward(c).tanh();
                var g = elapsed.clamp_min(0).add(Math.E).log().reciprocal();
                cStar = c.sub(shortTerm).add(g.mul(shortTerm));
            }
            var gates = input.forward(x).add(hidden.forward(h));
            var i = gates.narrow(-1, 0, _units).sigmoid();
            var f = gates.narrow(-1, _units, _units).sigmoid();
            var o = gates.narrow(-1, 2 * _units, _units).sigmoid();
            var u = gates.narrow(-1, 3 * _units, _units).tanh();
            var cNew = f.mul(cStar).add(i.mul(u));
            return (o.mul(cNew.tanh()), cNew);
        }
    }
}
