using System.Buffers.Binary;

namespace StreamRisk.Nlp.Llm;

/// <summary>
/// Checks a GGUF file's header in managed code before llama.cpp sees it, so a wrong path, a non-GGUF file or an obviously
/// truncated download is a clear configuration error and never reaches the native loader.
/// </summary>
public static class GgufFileCheck
{
    private const uint Magic = 0x46554747; // "GGUF" little-endian

    /// <exception cref="LanguageModelConfigurationException">What is wrong with the file and what to do.</exception>
    public static void Check(string path)
    {
        if (!File.Exists(path))
        {
            throw new LanguageModelConfigurationException($"GGUF model '{path}' does not exist: give the path of a .gguf file (e.g. qwen2.5-3b-instruct-q4_k_m.gguf)");
        }
        Span<byte> header = stackalloc byte[24];
        long length;
        using (var stream = File.OpenRead(path))
        {
            length = stream.Length;
            if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
            {
                throw new LanguageModelConfigurationException($"GGUF model '{path}' is truncated: {length} bytes, not even a GGUF header");
            }
        }
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic)
        {
            throw new LanguageModelConfigurationException($"'{path}' is not a GGUF file (no GGUF magic): convert the model with llama.cpp's convert_hf_to_gguf.py or download a .gguf build");
        }
        var version = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        if (version is < 2 or > 3)
        {
            throw new LanguageModelConfigurationException($"GGUF model '{path}' has format version {version}; llama.cpp reads versions 2 and 3");
        }
        var tensors = BinaryPrimitives.ReadUInt64LittleEndian(header[8..]);
        var entries = BinaryPrimitives.ReadUInt64LittleEndian(header[16..]);
        // Every tensor needs at least its info and one byte of data, every metadata entry at least a key and a type.
        if (tensors == 0 || tensors > (ulong)length / 8 || entries > (ulong)length / 8)
        {
            throw new LanguageModelConfigurationException($"GGUF model '{path}' is damaged or truncated: its header announces {tensors} tensors and {entries} metadata entries in {length} bytes");
        }
    }
}
