using System.Text;

namespace StreamRisk.Tests.Shared.Llm;

/// <summary>
/// Writes a tiny llama-architecture GGUF (v3) with random weights: a SentencePiece-style vocabulary of 3 special
/// tokens, 256 byte tokens, printable ASCII and a few word pieces; 2 layers of width 64, all tensors F32. It loads in
/// llama.cpp in milliseconds and generates gibberish, which is exactly what grammar-constrained sampling and answer
/// validation must survive. Tensor dimensions are written innermost first, data aligned to 32 bytes.
/// </summary>
public static class TinyGguf
{
    private const int Alignment = 32;
    private const int Embedding = 64;
    private const int Layers = 2;
    private const int Heads = 4;
    private const int FeedForward = 128;

    private static readonly string[] WordPieces =
    [
        "▁the", "▁of", "▁and", "▁to", "▁in", "▁rate", "▁bank", "▁oil", "▁price", "▁credit",
        "\"reason\"", "\"sentiment\"", "\"topics\"", "\":", "▁\"", "\",", "▁[", "]}", "▁-1", "▁0", "▁1",
        "ep_", "df_", "we_", "<|im_start|>", "<|im_end|>", "assistant", "user", "system",
    ];

    /// <summary>Writes the model to <paramref name="path"/> and returns the path.</summary>
    public static string Write(string path, int seed = 7, int contextLength = 8192)
    {
        var tokens = new List<(string Text, int Type, float Score)>
        {
            ("<unk>", 2, 0), ("<s>", 3, 0), ("</s>", 3, 0),
        };
        for (var b = 0; b < 256; b++)
        {
            tokens.Add(($"<0x{b:X2}>", 6, 0));
        }
        tokens.Add(("▁", 1, -1));
        for (var c = 33; c < 127; c++)
        {
            tokens.Add((((char)c).ToString(), 1, -1));
        }
        foreach (var piece in WordPieces)
        {
            tokens.Add((piece, 1, -0.5f));
        }
        var vocab = tokens.Count;
        var random = new Random(seed);

        var tensors = new List<(string Name, long[] Dims, float[] Data)>
        {
            ("token_embd.weight", [Embedding, vocab], Noise(random, Embedding * vocab, 0.5f)),
        };
        for (var layer = 0; layer < Layers; layer++)
        {
            var p = $"blk.{layer}.";
            tensors.Add((p + "attn_norm.weight", [Embedding], Ones(Embedding)));
            tensors.Add((p + "attn_q.weight", [Embedding, Embedding], Noise(random, Embedding * Embedding, 0.1f)));
            tensors.Add((p + "attn_k.weight", [Embedding, Embedding], Noise(random, Embedding * Embedding, 0.1f)));
            tensors.Add((p + "attn_v.weight", [Embedding, Embedding], Noise(random, Embedding * Embedding, 0.1f)));
            tensors.Add((p + "attn_output.weight", [Embedding, Embedding], Noise(random, Embedding * Embedding, 0.1f)));
            tensors.Add((p + "ffn_norm.weight", [Embedding], Ones(Embedding)));
            tensors.Add((p + "ffn_gate.weight", [Embedding, FeedForward], Noise(random, Embedding * FeedForward, 0.1f)));
            tensors.Add((p + "ffn_up.weight", [Embedding, FeedForward], Noise(random, Embedding * FeedForward, 0.1f)));
            tensors.Add((p + "ffn_down.weight", [FeedForward, Embedding], Noise(random, Embedding * FeedForward, 0.1f)));
        }
        tensors.Add(("output_norm.weight", [Embedding], Ones(Embedding)));
        tensors.Add(("output.weight", [Embedding, vocab], Noise(random, Embedding * vocab, 0.5f)));

        using var stream = File.Create(path);
        using var w = new BinaryWriter(stream, Encoding.UTF8);
        w.Write(0x46554747u); // "GGUF"
        w.Write(3u);
        w.Write((ulong)tensors.Count);
        var metadata = new List<Action>();
        void U32(string key, uint value) => metadata.Add(() => { Key(w, key); w.Write(4u); w.Write(value); });
        void F32(string key, float value) => metadata.Add(() => { Key(w, key); w.Write(6u); w.Write(value); });
        void Str(string key, string value) => metadata.Add(() => { Key(w, key); w.Write(8u); String(w, value); });
        void Bool(string key, bool value) => metadata.Add(() => { Key(w, key); w.Write(7u); w.Write(value); });
        Str("general.architecture", "llama");
        Str("general.name", "streamrisk-tiny-random");
        U32("llama.context_length", (uint)contextLength);
        U32("llama.embedding_length", Embedding);
        U32("llama.block_count", Layers);
        U32("llama.feed_forward_length", FeedForward);
        U32("llama.attention.head_count", Heads);
        U32("llama.attention.head_count_kv", Heads);
        U32("llama.rope.dimension_count", Embedding / Heads);
        F32("llama.rope.freq_base", 10000f);
        F32("llama.attention.layer_norm_rms_epsilon", 1e-5f);
        U32("llama.vocab_size", (uint)vocab);
        Str("tokenizer.ggml.model", "llama");
        metadata.Add(() =>
        {
            Key(w, "tokenizer.ggml.tokens");
            w.Write(9u);
            w.Write(8u);
            w.Write((ulong)vocab);
            foreach (var t in tokens) String(w, t.Text);
        });
        metadata.Add(() =>
        {
            Key(w, "tokenizer.ggml.scores");
            w.Write(9u);
            w.Write(6u);
            w.Write((ulong)vocab);
            foreach (var t in tokens) w.Write(t.Score);
        });
        metadata.Add(() =>
        {
            Key(w, "tokenizer.ggml.token_type");
            w.Write(9u);
            w.Write(5u);
            w.Write((ulong)vocab);
            foreach (var t in tokens) w.Write(t.Type);
        });
        U32("tokenizer.ggml.bos_token_id", 1);
        U32("tokenizer.ggml.eos_token_id", 2);
        U32("tokenizer.ggml.unknown_token_id", 0);
        Bool("tokenizer.ggml.add_bos_token", true);
        w.Write((ulong)metadata.Count);
        foreach (var entry in metadata) entry();

        ulong offset = 0;
        foreach (var (name, dims, data) in tensors)
        {
            String(w, name);
            w.Write((uint)dims.Length);
            foreach (var d in dims) w.Write((ulong)d);
            w.Write(0u); // F32
            w.Write(offset);
            offset += Aligned((ulong)data.Length * 4);
        }
        Pad(w);
        foreach (var (_, _, data) in tensors)
        {
            foreach (var x in data) w.Write(x);
            Pad(w);
        }
        return path;
    }

    /// <summary>The first <paramref name="bytes"/> bytes of a valid model: a download cut short.</summary>
    public static string WriteTruncated(string path, int bytes)
    {
        var full = Write(path + ".full");
        var data = File.ReadAllBytes(full);
        File.Delete(full);
        File.WriteAllBytes(path, data.AsSpan(0, Math.Min(bytes, data.Length)).ToArray());
        return path;
    }

    private static ulong Aligned(ulong n) => (n + Alignment - 1) / Alignment * Alignment;

    private static void Pad(BinaryWriter w)
    {
        w.Flush();
        while (w.BaseStream.Position % Alignment != 0) w.Write((byte)0);
    }

    private static void Key(BinaryWriter w, string key) => String(w, key);

    private static void String(BinaryWriter w, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        w.Write((ulong)bytes.Length);
        w.Write(bytes);
    }

    private static float[] Ones(int n) => Enumerable.Repeat(1f, n).ToArray();

    private static float[] Noise(Random random, int n, float scale)
    {
        var data = new float[n];
        for (var i = 0; i < n; i++) data[i] = (float)((random.NextDouble() * 2) - 1) * scale;
        return data;
    }
}
