namespace StreamRisk.RiskModels.Networks;

/// <summary>Sizes of an iTransformer: a window of <see cref="Window"/> steps of <see cref="Variates"/> series, each
/// series one token of width <see cref="DModel"/>; <see cref="Outputs"/> values read from the first (target) token.</summary>
public sealed record ITransformerShape(int Window, int Variates, int DModel, int Heads, int Layers, int FeedForward, int Outputs)
{
    public void Validate()
    {
        if (Window < 1 || Variates < 1 || DModel < 1 || Heads < 1 || Layers < 1 || FeedForward < 1 || Outputs < 1)
            throw new ArgumentException($"every iTransformer size must be ≥ 1 ({this})");
        if (DModel % Heads != 0) throw new ArgumentException($"d_model {DModel} must be a multiple of heads {Heads}");
    }

    /// <summary>Every weight tensor's name and shape, as TorchSharp names them and as the artifact stores them.</summary>
    public IEnumerable<(string Name, int[] Shape)> Tensors()
    {
        yield return ("embed.weight", [DModel, Window]);
        yield return ("embed.bias", [DModel]);
        for (var l = 0; l < Layers; l++)
        {
            foreach (var p in new[] { "query", "key", "value", "out" })
            {
                yield return ($"layers.{l}.{p}.weight", [DModel, DModel]);
                yield return ($"layers.{l}.{p}.bias", [DModel]);
            }
            yield return ($"layers.{l}.norm1.weight", [DModel]);
            yield return ($"layers.{l}.norm1.bias", [DModel]);
            yield return ($"layers.{l}.ff1.weight", [FeedForward, DModel]);
            yield return ($"layers.{l}.ff1.bias", [FeedForward]);
            yield return ($"layers.{l}.ff2.weight", [DModel, FeedForward]);
            yield return ($"layers.{l}.ff2.bias", [DModel]);
            yield return ($"layers.{l}.norm2.weight", [DModel]);
            yield return ($"layers.{l}.norm2.bias", [DModel]);
        }
        yield return ("norm.weight", [DModel]);
        yield return ("norm.bias", [DModel]);
        yield return ("head.weight", [Outputs, DModel]);
        yield return ("head.bias", [Outputs]);
    }
}
