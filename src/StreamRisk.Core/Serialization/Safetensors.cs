using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace StreamRisk.Core.Serialization;

/// <summary>One float32 tensor of a safetensors file: row-major data and its shape.</summary>
public sealed record SafetensorsTensor(int[] Shape, float[] Data);

/// <summary>
/// The safetensors format (8-byte little-endian header size, JSON header, raw little-endian data), the format PyTorch /
/// Hugging Face save weights in, as bytes: the text models read heads in it and the risk models keep their trained
/// weights in it, so the one parser lives here and the callers do the file I/O.
/// </summary>
public static class Safetensors
{
    /// <summary>Parses float32 tensors; <paramref name="source"/> names the file in error messages.</summary>
    public static Dictionary<string, SafetensorsTensor> Parse(byte[] bytes, string source)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < 8) throw new InvalidDataException($"{source}: too short for a safetensors file");
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > (ulong)(bytes.Length - 8)) throw new InvalidDataException($"{source}: header size {headerLength} exceeds the file");
        var dataStart = 8 + (int)headerLength;
        using var header = ParseHeader(bytes, (int)headerLength, source);
        var tensors = new Dictionary<string, SafetensorsTensor>(StringComparer.Ordinal);
        foreach (var entry in header.RootElement.EnumerateObject())
        {
            if (entry.Name == "__metadata__") continue;
            var dtype = entry.Value.GetProperty("dtype").GetString();
            if (dtype != "F32") throw new InvalidDataException($"{source}: tensor '{entry.Name}' is {dtype}; only F32 is read");
            var shape = entry.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
            var offsets = entry.Value.GetProperty("data_offsets");
            var begin = offsets[0].GetInt64();
            var end = offsets[1].GetInt64();
            var count = shape.Aggregate(1L, (a, d) => a * d);
            if (begin < 0 || end - begin != count * 4 || dataStart + end > bytes.Length)
                throw new InvalidDataException($"{source}: tensor '{entry.Name}' offsets [{begin}, {end}) do not fit shape [{string.Join(", ", shape)}] or the file");
            var data = new float[count];
            var raw = bytes.AsSpan(dataStart + (int)begin, (int)(end - begin));
            for (var i = 0; i < data.Length; i++) data[i] = BinaryPrimitives.ReadSingleLittleEndian(raw[(i * 4)..]);
            tensors[entry.Name] = new SafetensorsTensor(shape, data);
        }
        return tensors;
    }

    /// <summary>Serialises tensors in name order (so equal weights give equal bytes).</summary>
    public static byte[] Serialize(IReadOnlyDictionary<string, SafetensorsTensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var names = tensors.Keys.OrderBy(n => n, StringComparer.Ordinal).ToList();
        using var headerStream = new MemoryStream();
        long offset = 0;
        using (var json = new Utf8JsonWriter(headerStream))
        {
            json.WriteStartObject();
            foreach (var name in names)
            {
                var tensor = tensors[name];
                var count = tensor.Shape.Aggregate(1L, (a, d) => a * d);
                if (count != tensor.Data.Length)
                    throw new ArgumentException($"tensor '{name}' has {tensor.Data.Length} values for shape [{string.Join(", ", tensor.Shape)}]");
                json.WriteStartObject(name);
                json.WriteString("dtype", "F32");
                json.WriteStartArray("shape");
                foreach (var d in tensor.Shape) json.WriteNumberValue(d);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset + count * 4);
                json.WriteEndArray();
                json.WriteEndObject();
                offset += count * 4;
            }
            json.WriteEndObject();
        }
        // The format pads the header with spaces to a multiple of 8 so the data is aligned.
        var header = headerStream.ToArray();
        var padded = (header.Length + 7) / 8 * 8;
        var bytes = new byte[8 + padded + offset];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)padded);
        header.CopyTo(bytes, 8);
        bytes.AsSpan(8 + header.Length, padded - header.Length).Fill((byte)' ');
        var at = 8 + padded;
        foreach (var name in names)
        {
            foreach (var value in tensors[name].Data)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at), value);
                at += 4;
            }
        }
        return bytes;
    }

    private static JsonDocument ParseHeader(byte[] bytes, int length, string source)
    {
        try
        {
            return JsonDocument.Parse(bytes.AsMemory(8, length));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: the header is not JSON ({ex.Message})", ex);
        }
    }
}
