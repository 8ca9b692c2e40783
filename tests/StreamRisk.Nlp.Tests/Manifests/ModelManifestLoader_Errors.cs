using System.Text.Json.Nodes;
using StreamRisk.Nlp.Embeddings;
using StreamRisk.Nlp.Entities;
using StreamRisk.Nlp.Manifests;
using StreamRisk.Nlp.Sentiment;

namespace StreamRisk.Nlp.Tests.Manifests;

/// <summary>Each broken manifest fails to load with a message naming the field and what was expected.</summary>
public class ModelManifestLoader_Errors
{
    [Fact]
    public void The_generated_manifests_load()
    {
        Assert.Equal("aspect-sentiment", ModelManifestLoader.Load(TestModels.File("absa-heads.manifest.json"), ModelTasks.AspectSentiment).Manifest.Task);
        Assert.Equal("embedding", ModelManifestLoader.Load(TestModels.File("embed-mean.manifest.json"), ModelTasks.Embedding).Manifest.Task);
    }

    [Fact]
    public void Unknown_aspect_scope()
    {
        var e = Broken("absa-graph.manifest.json", m => m["aspect_scope"] = "sentence", ModelTasks.AspectSentiment);

        Assert.Equal("aspect_scope", e.Field);
        Assert.Contains("'text' (the default) or 'clauses'", e.Message);
    }

    [Fact]
    public void Unknown_mention_masking()
    {
        var e = Broken("absa-graph.manifest.json", m => m["mention_masking"] = "names", ModelTasks.AspectSentiment);

        Assert.Equal("mention_masking", e.Field);
        Assert.Contains("'none' (the default) or 'issuers'", e.Message);
    }

    [Fact]
    public void Mention_masking_on_an_embedding_model()
    {
        var e = Broken("embed-mean.manifest.json", m => m["mention_masking"] = "issuers", ModelTasks.Embedding);

        Assert.Equal("mention_masking", e.Field);
        Assert.Contains("only to aspect-sentiment models", e.Message);
    }

    [Fact]
    public void Aspect_scope_on_an_embedding_model()
    {
        var e = Broken("embed-mean.manifest.json", m => m["aspect_scope"] = "clauses", ModelTasks.Embedding);

        Assert.Equal("aspect_scope", e.Field);
        Assert.Contains("only to aspect-sentiment models", e.Message);
    }

    [Fact]
    public void Missing_model_file()
    {
        var e = Broken("absa-graph.manifest.json", m => m["file"] = "absent.onnx", ModelTasks.AspectSentiment);

        Assert.Equal("file", e.Field);
        Assert.Contains("absent.onnx", e.Message);
        Assert.Contains("does not exist", e.Message);
    }

    [Fact]
    public void Checksum_mismatch()
    {
        var e = Broken("absa-graph.manifest.json", m => m["sha256"] = new string('0', 64), ModelTasks.AspectSentiment);

        Assert.Equal("sha256", e.Field);
        Assert.Contains("hashes to", e.Message);
    }

    [Fact]
    public void Head_checksum_mismatch()
    {
        var e = Broken("absa-heads.manifest.json", m => m["head"]!["sha256"] = new string('a', 64), ModelTasks.AspectSentiment);

        Assert.Equal("head.sha256", e.Field);
    }

    [Fact]
    public void Missing_vocabulary()
    {
        var e = Broken("ner.manifest.json", m => m["tokenizer"]!["vocab_file"] = "vocab-missing.txt", ModelTasks.TokenClassification);

        Assert.Equal("tokenizer.vocab_file", e.Field);
    }

    [Fact]
    public void Wrong_task()
    {
        var e = Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(TestModels.File("ner.manifest.json"), ModelTasks.Embedding));

        Assert.Equal("task", e.Field);
        Assert.Contains("expected 'embedding'", e.Message);
    }

    [Fact]
    public void Missing_lower_case()
    {
        var e = Broken("embed-cls.manifest.json", m => m["tokenizer"]!.AsObject().Remove("lower_case"), ModelTasks.Embedding);

        Assert.Equal("tokenizer.lower_case", e.Field);
    }

    [Fact]
    public void Sentiment_labels_must_name_the_three_classes()
    {
        var e = Broken("absa-graph.manifest.json", m => m["labels"] = new JsonArray("bad", "neutral", "good"), ModelTasks.AspectSentiment);

        Assert.Equal("labels", e.Field);
        Assert.Contains("negative", e.Message);
    }

    [Fact]
    public void Input_the_graph_lacks()
    {
        var dir = Copy("embed-cls.manifest.json", m => m["inputs"]!.AsArray().Add(new JsonObject { ["name"] = "aspect_mask", ["type"] = "float32" }));

        var e = Assert.Throws<ModelManifestException>(() => OnnxTextEmbedder.Load(dir));

        Assert.Equal("inputs[3].name", e.Field);
        Assert.Contains("an input the graph lacks", e.Message);
    }

    [Fact]
    public void Graph_input_the_manifest_does_not_declare()
    {
        var dir = Copy("embed-cls.manifest.json", m => m["inputs"]!.AsArray().RemoveAt(2));

        var e = Assert.Throws<ModelManifestException>(() => OnnxTextEmbedder.Load(dir));

        Assert.Equal("inputs", e.Field);
        Assert.Contains("token_type_ids", e.Message);
    }

    [Fact]
    public void Output_the_graph_lacks()
    {
        var dir = Copy("ner.manifest.json", m => m["outputs"]![0]!["name"] = "scores");

        var e = Assert.Throws<ModelManifestException>(() => OnnxNerRecognizer.Load(dir, new IssuerNameLinker([])));

        Assert.Equal("outputs[0].name", e.Field);
    }

    [Fact]
    public void Label_count_differs_from_the_graph_output()
    {
        var dir = Copy("ner.manifest.json", m => m["labels"] = new JsonArray("O", "B-ORG", "I-ORG", "B-PER"));

        var e = Assert.Throws<ModelManifestException>(() => OnnxNerRecognizer.Load(dir, new IssuerNameLinker([])));

        Assert.Equal("labels", e.Field);
        Assert.Contains("4 labels", e.Message);
        Assert.Contains("gives 3", e.Message);
    }

    [Fact]
    public void Head_layers_that_do_not_fit_the_encoder()
    {
        var dir = Copy("absa-heads.manifest.json", m => m["head"]!["layers"] = new JsonArray("out_proj"));

        var e = Assert.Throws<ModelManifestException>(() => OnnxAbsaModel.Load(dir));

        Assert.Equal("head.layers", e.Field);
        Assert.Contains("expected 3 × hidden size = 96", e.Message);
    }

    [Fact]
    public void Output_shape_differs_from_the_graph()
    {
        var dir = Copy("embed-mean.manifest.json", m => m["outputs"]![0]!["shape"]![2] = 64);

        var e = Assert.Throws<ModelManifestException>(() => OnnxTextEmbedder.Load(dir));

        Assert.Equal("outputs[0].shape[2]", e.Field);
    }

    private static ModelManifestException Broken(string manifest, Action<JsonNode> edit, string task) =>
        Assert.Throws<ModelManifestException>(() => ModelManifestLoader.Load(Copy(manifest, edit), task));

    /// <summary>A changed copy of a manifest in a temporary folder, its file names made absolute so they still resolve.</summary>
    private static string Copy(string manifest, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(File.ReadAllText(TestModels.File(manifest)))!;
        node["file"] = TestModels.File((string)node["file"]!);
        node["tokenizer"]!["vocab_file"] = TestModels.File((string)node["tokenizer"]!["vocab_file"]!);
        if (node["head"] is { } head) head["file"] = TestModels.File((string)head["file"]!);
        edit(node);
        var dir = Directory.CreateTempSubdirectory("streamrisk-nlp-manifest-");
        var path = Path.Combine(dir.FullName, manifest);
        File.WriteAllText(path, node.ToJsonString());
        return path;
    }
}
