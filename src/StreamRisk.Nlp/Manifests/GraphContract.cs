using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace StreamRisk.Nlp.Manifests;

/// <summary>Checks a manifest against the graph ONNX Runtime actually loaded: names, element types, fixed sizes.</summary>
public static class GraphContract
{
    public static void Check(LoadedManifest loaded, InferenceSession session)
    {
        var m = loaded.Manifest;
        for (var i = 0; i < m.Inputs!.Count; i++)
        {
            var spec = m.Inputs[i];
            if (!session.InputMetadata.TryGetValue(spec.Name!, out var meta))
                throw loaded.Error($"inputs[{i}].name", $"is '{spec.Name}', an input the graph lacks; the graph's inputs are [{string.Join(", ", session.InputMetadata.Keys)}]");
            CheckType(loaded, $"inputs[{i}].type", spec, meta);
        }
        foreach (var name in session.InputMetadata.Keys)
            if (!m.Inputs.Any(t => t.Name == name))
                throw loaded.Error("inputs", $"does not list the graph input '{name}'; expected every graph input to be declared (the runner must feed it)");
        for (var i = 0; i < m.Outputs!.Count; i++)
        {
            var spec = m.Outputs[i];
            if (!session.OutputMetadata.TryGetValue(spec.Name!, out var meta))
                throw loaded.Error($"outputs[{i}].name", $"is '{spec.Name}', an output the graph lacks; the graph's outputs are [{string.Join(", ", session.OutputMetadata.Keys)}]");
            CheckType(loaded, $"outputs[{i}].type", spec, meta);
            CheckShape(loaded, $"outputs[{i}].shape", spec, meta);
        }
    }

    /// <summary>Size of the last dimension of an output, when the graph fixes it (−1 when dynamic).</summary>
    public static int LastDimension(InferenceSession session, string output) => session.OutputMetadata[output].Dimensions[^1];

    private static void CheckType(LoadedManifest loaded, string field, TensorSpec spec, NodeMetadata meta)
    {
        var expected = spec.Type == "int64" ? TensorElementType.Int64 : TensorElementType.Float;
        if (meta.ElementDataType != expected)
            throw loaded.Error(field, $"is '{spec.Type}' but the graph's '{spec.Name}' holds {meta.ElementDataType}; expected them equal");
    }

    private static void CheckShape(LoadedManifest loaded, string field, TensorSpec spec, NodeMetadata meta)
    {
        var shape = spec.Shape;
        if (shape is null) return;
        if (shape.Count != meta.Dimensions.Length)
            throw loaded.Error(field, $"has {shape.Count} dimensions but the graph's '{spec.Name}' has {meta.Dimensions.Length}");
        for (var d = 0; d < shape.Count; d++)
        {
            if (shape[d].ValueKind != System.Text.Json.JsonValueKind.Number || meta.Dimensions[d] <= 0) continue;
            if (shape[d].GetInt32() != meta.Dimensions[d])
                throw loaded.Error($"{field}[{d}]", $"is {shape[d].GetInt32()} but the graph's '{spec.Name}' has {meta.Dimensions[d]} there");
        }
    }
}
