using System.Runtime.CompilerServices;
using StreamRisk.Nlp.Embeddings;
using StreamRisk.Nlp.Sentiment;
using StreamRisk.Nlp.Tokenization;

namespace StreamRisk.Nlp.Tests;

/// <summary>Finds the models infra/models/make-test-models.sh generates: $STREAMRISK_TEST_MODELS, else the repo's
/// .models/ (found walking up from the test binaries or from this source file). Missing models fail the tests.</summary>
public static class TestModels
{
    private static readonly Lazy<string> Folder = new(() => Locate());

    public static string Dir => Folder.Value;

    public static string File(string name) => Path.Combine(Dir, name);

    public static WordPieceTextEncoder Tokenizer => SharedTokenizer.Value;
    public static OnnxAbsaModel AbsaGraph => SharedAbsaGraph.Value;
    public static OnnxAbsaModel AbsaHeads => SharedAbsaHeads.Value;
    public static OnnxTextEmbedder EmbedCls => SharedEmbedCls.Value;

    /// <summary>The graph-pooled ABSA test model loaded through a copy of its manifest changed by <paramref name="change"/>
    /// (paths made absolute first, so the copy can live in a temporary folder).</summary>
    public static OnnxAbsaModel AbsaGraphWith(Action<System.Text.Json.Nodes.JsonNode> change)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText(File("absa-graph.manifest.json")))!;
        node["file"] = File((string)node["file"]!);
        node["tokenizer"]!["vocab_file"] = File((string)node["tokenizer"]!["vocab_file"]!);
        change(node);
        var path = Path.Combine(Directory.CreateTempSubdirectory("streamrisk-absa-").FullName, "manifest.json");
        System.IO.File.WriteAllText(path, node.ToJsonString());
        return OnnxAbsaModel.Load(path, new() { BatchSize = 4 });
    }

    private static readonly Lazy<WordPieceTextEncoder> SharedTokenizer = new(() =>
        WordPieceTextEncoder.FromVocabulary(File("vocab.txt"), lowerCase: true, stripAccents: true, tokenizeChineseChars: true));
    private static readonly Lazy<OnnxAbsaModel> SharedAbsaGraph = new(() => OnnxAbsaModel.Load(File("absa-graph.manifest.json"), new() { BatchSize = 4 }));
    private static readonly Lazy<OnnxAbsaModel> SharedAbsaHeads = new(() => OnnxAbsaModel.Load(File("absa-heads.manifest.json"), new() { BatchSize = 4 }));
    private static readonly Lazy<OnnxTextEmbedder> SharedEmbedCls = new(() => OnnxTextEmbedder.Load(File("embed-cls.manifest.json"), new() { BatchSize = 3 }));

    private static string Locate([CallerFilePath] string sourceFile = "")
    {
        const string marker = "absa-graph.manifest.json";
        var fromEnv = Environment.GetEnvironmentVariable("STREAMRISK_TEST_MODELS");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            if (System.IO.File.Exists(Path.Combine(fromEnv, marker))) return fromEnv;
            throw new InvalidOperationException($"STREAMRISK_TEST_MODELS={fromEnv} holds no {marker}: run `bash infra/models/make-test-models.sh {fromEnv}`");
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "", Directory.GetCurrentDirectory() })
        {
            for (var dir = start.Length > 0 ? new DirectoryInfo(start) : null; dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, ".models");
                if (System.IO.File.Exists(Path.Combine(candidate, marker))) return candidate;
            }
        }
        throw new InvalidOperationException(
            "the ONNX test models are missing: run `bash infra/models/make-test-models.sh` (writes <repo>/.models/; CI runs it), " +
            "or point STREAMRISK_TEST_MODELS at a folder it wrote");
    }
}
