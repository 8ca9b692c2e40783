namespace StreamRisk.Nlp.Tests.Tokenization;

/// <summary>llama.cpp's golden cases for bge-small-en (bert-base-uncased vocab), ids made by Hugging Face's tokenizer.</summary>
public class WordPieceTextEncoder_GoldenIds
{
    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Golden.Load().Count; i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ids_match_the_reference_tokenizer(int index)
    {
        var (text, expected) = Golden.Load()[index];

        var ids = TestModels.Tokenizer.Encode(text).Ids;

        Assert.True(expected.SequenceEqual(ids), $"text {index} [{text}]: expected [{string.Join(' ', expected)}], got [{string.Join(' ', ids)}]");
    }

    private static class Golden
    {
        private static List<(string Text, int[] Ids)>? _cases;

        public static List<(string Text, int[] Ids)> Load()
        {
            if (_cases is not null) return _cases;
            var dir = Path.Combine(AppContext.BaseDirectory, "Golden");
            var raw = File.ReadAllText(Path.Combine(dir, "ggml-vocab-bert-bge.gguf.inp"));
            // As llama.cpp's reader: the separator closes each case, so the file's final one opens none.
            var inputs = raw.Split("\n__ggml_vocab_test__\n");
            if (raw.EndsWith("\n__ggml_vocab_test__\n", StringComparison.Ordinal)) inputs = inputs[..^1];
            var outputs = File.ReadAllLines(Path.Combine(dir, "ggml-vocab-bert-bge.gguf.out"));
            Assert.Equal(inputs.Length, outputs.Length);
            _cases = inputs.Select((text, i) => (text, outputs[i].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray())).ToList();
            return _cases;
        }
    }
}
