namespace StreamRisk.RiskModels.Networks;

/// <summary>
/// Sizes and switches of an EMDLOT network. <see cref="Features"/> indicators and <see cref="Chapters"/> chapter
/// embeddings of width <see cref="EmbeddingDimension"/> per quarter; numbers and text are projected to
/// <see cref="ModalityDimension"/>, the (time-aware) LSTM has <see cref="Hidden"/> units, <see cref="Clusters"/> soft
/// clusters each with a 3-class head. Ablations: <see cref="UseText"/> false (numbers only), <see cref="UseAttention"/>
/// false (uniform feature weights, mean over present chapters, mean over present modalities), <see cref="TimeAware"/>
/// false (plain LSTM cell: no short-term memory decomposition), <see cref="Clusters"/> 1 (no clustering).
/// </summary>
public sealed record EmdlotShape(
    int Features, int Chapters, int EmbeddingDimension, int ModalityDimension, int Hidden, int Clusters,
    bool UseText = true, bool UseAttention = true, bool TimeAware = true,
    double FeatureTemperature = 1, double ChapterTemperature = 1, double ModalityTemperature = 1)
{
    public const int Classes = 3;

    public void Validate()
    {
        if (Features < 1 || Chapters < 0 || EmbeddingDimension < 1 || ModalityDimension < 1 || Hidden < 1 || Clusters < 1)
            throw new ArgumentException($"every EMDLOT size must be ≥ 1 (chapters ≥ 0): {this}");
        if (UseText && Chapters < 1) throw new ArgumentException("a text-using EMDLOT needs at least one chapter");
        if (!(FeatureTemperature > 0) || !(ChapterTemperature > 0) || !(ModalityTemperature > 0))
            throw new ArgumentException($"attention temperatures must be positive: {this}");
    }

    /// <summary>Every weight tensor's name and shape, as TorchSharp names them and as the artifact stores them.</summary>
    public IEnumerable<(string Name, int[] Shape)> Tensors()
    {
        if (UseAttention)
        {
            yield return ("feature_attention.weight", [Features, Features]);
            yield return ("feature_attention.bias", [Features]);
        }
        yield return ("numeric.weight", [ModalityDimension, Features]);
        yield return ("numeric.bias", [ModalityDimension]);
        if (UseText)
        {
            yield return ("text.weight", [ModalityDimension, EmbeddingDimension]);
            yield return ("text.bias", [ModalityDimension]);
            if (UseAttention)
            {
                yield return ("chapter_attention.weight", [1, ModalityDimension]);
                yield return ("chapter_attention.bias", [1]);
                yield return ("modality_attention.weight", [1, ModalityDimension]);
                yield return ("modality_attention.bias", [1]);
            }
        }
        yield return ("cell.input.weight", [4 * Hidden, ModalityDimension]);
        yield return ("cell.input.bias", [4 * Hidden]);
        yield return ("cell.hidden.weight", [4 * Hidden, Hidden]);
        if (TimeAware)
        {
            yield return ("cell.decay.weight", [Hidden, Hidden]);
            yield return ("cell.decay.bias", [Hidden]);
        }
        yield return ("centroids", [Clusters, Hidden]);
        yield return ("heads_weight", [Clusters, Classes, Hidden]);
        yield return ("heads_bias", [Clusters, Classes]);
    }

    /// <summary>g(Δt) = 1 / ln(e + Δt) (Baytas et al. 2017): 1 for Δt = 0, falling slowly as the gap grows.</summary>
    public static double Decay(double monthsElapsed) => 1.0 / Math.Log(Math.E + Math.Max(0, monthsElapsed));
}
