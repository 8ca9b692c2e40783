using StreamRisk.Core.Serialization;

namespace StreamRisk.RiskModels.Networks;

/// <summary>The weights a C# forward pass reads, checked against the tensors its shape expects.</summary>
internal static class NetworkWeights
{
    /// <summary>Each expected tensor's data by name; a missing tensor or one of another shape is an <see cref="ArgumentException"/>.</summary>
    public static Dictionary<string, float[]> Checked(IEnumerable<(string Name, int[] Shape)> expected, IReadOnlyDictionary<string, SafetensorsTensor> weights)
    {
        var result = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var (name, dims) in expected)
        {
            if (!weights.TryGetValue(name, out var tensor)) throw new ArgumentException($"weight '{name}' is missing");
            if (!tensor.Shape.SequenceEqual(dims))
                throw new ArgumentException($"weight '{name}' has shape [{string.Join(", ", tensor.Shape)}], expected [{string.Join(", ", dims)}]");
            result[name] = tensor.Data;
        }
        return result;
    }
}
