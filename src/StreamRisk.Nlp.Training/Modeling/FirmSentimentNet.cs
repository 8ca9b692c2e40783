using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StreamRisk.Nlp.Training.Modeling;

/// <summary>
/// Aspect-aware firm-level sentiment model, trained from scratch: WordPiece embeddings plus a learned "this is the
/// issuer" vector on the mention's tokens, a stack of dilated residual 1-D convolutions (each token sees its
/// neighbourhood, so the mention's features carry the clause around it), then MulFSA-style pooling — global max and
/// mean over the text ⊕ mean and max over the mention's tokens — and a two-layer head to logits (negative, neutral,
/// positive). Every step is also written as ONNX by <see cref="FirmSentimentOnnxExport"/>; the two must stay in step.
/// Padding never changes a row's output: features are zeroed outside the attention mask after every layer.
/// </summary>
public sealed class FirmSentimentNet : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    private readonly Embedding embedding;
    private readonly Parameter aspect;
    private readonly ModuleList<Conv1d> convolutions;
    private readonly Dropout dropout;
    private readonly Linear hidden;
    private readonly Linear output;

    public FirmSentimentNet(FirmSentimentNetShape shape) : base(nameof(FirmSentimentNet))
    {
        Shape = shape;
        embedding = nn.Embedding(shape.VocabularyRows, shape.EmbeddingSize);
        aspect = new Parameter(randn(shape.EmbeddingSize) * 0.1f);
        convolutions = new ModuleList<Conv1d>();
        var channelsIn = shape.EmbeddingSize;
        foreach (var d in shape.LayerDilations)
        {
            convolutions.Add(nn.Conv1d(channelsIn, shape.Channels, shape.Kernel, padding: d * (shape.Kernel / 2), dilation: d));
            channelsIn = shape.Channels;
        }
        dropout = nn.Dropout(shape.Dropout);
        hidden = nn.Linear(shape.PooledSize, shape.HiddenSize);
        output = nn.Linear(shape.HiddenSize, 3);
        RegisterComponents();
        // nn.Embedding starts at N(0, 1); Adam moves every weight by about the learning rate per step, so rows of rare
        // tokens would barely leave their random start. A small start lets them learn within a few epochs.
        using (no_grad()) embedding.weight!.normal_(0, 0.1);
    }

    public FirmSentimentNetShape Shape { get; }

    /// <param name="ids">Compact vocabulary rows, int64 [batch, sequence].</param>
    /// <param name="mask">1 on real tokens ([CLS], text, [SEP]), 0 on padding; float32 [batch, sequence].</param>
    /// <param name="aspectMask">1 on the mention's tokens; float32 [batch, sequence].</param>
    /// <returns>Logits, float32 [batch, 3].</returns>
    public override Tensor forward(Tensor ids, Tensor mask, Tensor aspectMask) => forward(ids, mask, aspectMask, null);

    /// <param name="lexiconEvidence">The word-list evidence features, float32 [batch, LexiconFeatures]; needed exactly
    /// when the shape has them.</param>
    public Tensor forward(Tensor ids, Tensor mask, Tensor aspectMask, Tensor? lexiconEvidence)
    {
        if ((lexiconEvidence is null) != (Shape.LexiconFeatures == 0))
            throw new ArgumentException($"the model takes {Shape.LexiconFeatures} lexicon evidence features", nameof(lexiconEvidence));
        var x = embedding.forward(ids) + aspectMask.unsqueeze(2) * aspect;
        var m = mask.unsqueeze(1);
        var h = dropout.forward(x).transpose(1, 2) * m;
        for (var l = 0; l < convolutions.Count; l++)
        {
            var y = nn.functional.relu(convolutions[l].forward(h)) * m;
            h = l == 0 ? y : h + y;
        }
        var a = aspectMask.unsqueeze(1);
        var globalMax = h.max(2).values;
        var globalMean = h.sum(2) / mask.sum(1, keepdim: true).clamp_min(1f);
        var mentionMean = (h * a).sum(2) / aspectMask.sum(1, keepdim: true).clamp_min(1f);
        var mentionMax = (h * a).max(2).values;
        // The mean embedding (a bag of words, as fastText) beside the convolution features: a short path from words to
        // the output that learns fast on small data; the convolutions add order, negation and the mention's clause.
        var bag = (x * mask.unsqueeze(2)).sum(1) / mask.sum(1, keepdim: true).clamp_min(1f);
        var pooled = lexiconEvidence is null
            ? cat([globalMax, globalMean, mentionMean, mentionMax, bag], 1)
            : cat([globalMax, globalMean, mentionMean, mentionMax, bag, lexiconEvidence], 1);
        return output.forward(dropout.forward(nn.functional.relu(hidden.forward(dropout.forward(pooled)))));
    }

    /// <summary>The trained weights, for export: name → (values, shape).</summary>
    public IReadOnlyDictionary<string, (float[] Values, long[] Shape)> Weights()
    {
        var result = new Dictionary<string, (float[], long[])>();
        foreach (var (name, p) in named_parameters())
            result[name] = (p.detach().cpu().contiguous().data<float>().ToArray(), p.shape);
        return result;
    }
}
