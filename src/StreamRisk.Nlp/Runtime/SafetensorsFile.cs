using StreamRisk.Core.Serialization;

namespace StreamRisk.Nlp.Runtime;

/// <summary>Reads float32 tensors from a safetensors file (the format itself is <see cref="Safetensors"/> in Core).</summary>
public static class SafetensorsFile
{
    public static Dictionary<string, SafetensorsTensor> Read(string path) => Safetensors.Parse(File.ReadAllBytes(path), path);
}
