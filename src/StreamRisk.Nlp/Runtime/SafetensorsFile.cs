using System.Buffers.Binary;
using System.Text.Json;

namespace StreamRisk.Nlp.Runtime;

/// <summary>Reads float32 tensors from a safetensors file (8-byte little-endian header size, JSON header, raw data),
/// the format PyTorch / Hugging Face save weights in.</summary>
public static class SafetensorsFile
{
    public sealed record Tensor(int[] Shape, float[] Data);

    public static Dictionary<string, Tensor> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8) throw new InvalidDataException($"{path}: too short for a safetensors file");
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > (ulong)(bytes.Length - 8)) throw new InvalidDataException($"{path}: header size {headerLength} exceeds the file");
        var dataStart = 8 + (int)headerLength;
        using var header = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength));
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var entry in header.RootElement.EnumerateObject())
        {
            if (entry.Name == "__metadata__") continue;
            var dtype = entry.Value.GetProperty("dtype").GetString();
            if (dtype != "F32") throw new InvalidDataException($"{path}: tensor '{entry.Name}' is {dtype}; only F32 is read");
            var shape = entry.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
            var offsets = entry.Value.GetProperty("data_offsets");
            var begin = offsets[0].GetInt64();
            var end = offsets[1].GetInt64();
            var count = shape.Aggregate(1L, (a, d) => a * d);
            if (end - begin != count * 4 || dataStart + end > bytes.Length)
                throw new InvalidDataException($"{path}: tensor '{entry.Name}' offsets [{begin}, {end}) do not fit shape [{string.Join(", ", shape)}] or the file");
            var data = new float[count];
            var raw = bytes.AsSpan(dataStart + (int)begin, (int)(end - begin));
            for (var i = 0; i < data.Length; i++) data[i] = BinaryPrimitives.ReadSingleLittleEndian(raw[(i * 4)..]);
            tensors[entry.Name] = new Tensor(shape, data);
        }
        return tensors;
    }
}
