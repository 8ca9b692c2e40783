using StreamRisk.Core.Serialization;
using TorchSharp;
using static TorchSharp.torch;

namespace StreamRisk.RiskModels.Training.Training;

/// <summary>Copies a module's parameters to and from safetensors tensors (the artifact's and the checkpoints' format).</summary>
public static class TorchWeights
{
    public static Dictionary<string, SafetensorsTensor> Export(nn.Module module)
    {
        var result = new Dictionary<string, SafetensorsTensor>(StringComparer.Ordinal);
        foreach (var (name, parameter) in module.named_parameters())
        {
            using var data = parameter.detach().cpu().contiguous();
            result[name] = new SafetensorsTensor(parameter.shape.Select(d => (int)d).ToArray(), data.data<float>().ToArray());
        }
        return result;
    }

    public static void Import(nn.Module module, IReadOnlyDictionary<string, SafetensorsTensor> weights)
    {
        using var _ = no_grad();
        foreach (var (name, parameter) in module.named_parameters())
        {
            if (!weights.TryGetValue(name, out var w)) throw new InvalidDataException($"checkpoint has no tensor '{name}'");
            using var source = tensor(w.Data).view(w.Shape.Select(d => (long)d).ToArray());
            parameter.copy_(source);
        }
    }
}
