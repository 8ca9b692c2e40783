using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using StreamRisk.Nlp.Sentiment;
using StreamRisk.Nlp.Training.Modeling;

namespace StreamRisk.Nlp.Training.Training;

/// <summary>Writes a trained model as a folder the serving path loads (docs/models.md): <c>model.onnx</c> (temperature
/// folded in), <c>vocab.txt</c>, <c>manifest.json</c> (task aspect-sentiment, pooling graph); <c>training.json</c>
/// records how it was made.</summary>
public static class SentimentModelPackage
{
    public const string ManifestFile = "manifest.json";
    public const string ModelFile = "model.onnx";
    public const string VocabFile = "vocab.txt";
    public const string TrainingFile = "training.json";
    /// <summary>The word-list scorer's calibration fitted on the same training rows (<see cref="StreamRisk.Core.Sentiment.LexiconCalibration"/>).</summary>
    public const string LexiconCalibrationFile = "lexicon-calibration.json";

    /// <param name="networks">The served networks (<see cref="FirmSentimentOnnxExport"/>).</param>
    /// <param name="temperature">The model's calibration temperature, recorded in the ONNX metadata.</param>
    /// <param name="training">The training record (command, seed, data hashes, options, metrics), written as is.</param>
    public static string Write(string directory, IReadOnlyList<ServedNetwork> networks, double temperature,
        string vocabPath, string modelId, int maxLength, JsonObject training, AspectScope aspectScope, MentionMasking mentionMasking)
    {
        Directory.CreateDirectory(directory);
        var net = networks[0].Net;
        var onnx = FirmSentimentOnnxExport.Write(networks,
            new Dictionary<string, string> { ["model_id"] = modelId, ["temperature"] = temperature.ToString("R", System.Globalization.CultureInfo.InvariantCulture) });
        File.WriteAllBytes(Path.Combine(directory, ModelFile), onnx);
        var vocabTarget = Path.Combine(directory, VocabFile);
        if (!string.Equals(Path.GetFullPath(vocabPath), Path.GetFullPath(vocabTarget), StringComparison.Ordinal)) File.Copy(vocabPath, vocabTarget, overwrite: true);

        static JsonObject Tensor(string name, string type, params object[] shape) => new()
        {
            ["name"] = name,
            ["shape"] = new JsonArray(shape.Select(s => s is string str ? JsonValue.Create(str) : (JsonNode)JsonValue.Create((int)s)).ToArray()),
            ["type"] = type,
        };
        var manifest = new JsonObject
        {
            ["format_version"] = 1,
            ["model_id"] = modelId,
            ["task"] = "aspect-sentiment",
            ["file"] = ModelFile,
            ["sha256"] = Sha256(onnx),
            ["inputs"] = new JsonArray(new[] { Tensor("input_ids", "int64", "batch", "sequence"), Tensor("attention_mask", "int64", "batch", "sequence"),
                Tensor("aspect_mask", "float32", "batch", "sequence") }
                .Concat(net.Shape.LexiconFeatures > 0 ? [Tensor("lexicon_evidence", "float32", "batch", net.Shape.LexiconFeatures)] : []).ToArray<JsonNode?>()),
            ["outputs"] = new JsonArray(Tensor("logits", "float32", "batch", 3)),
            ["labels"] = new JsonArray(FirmSentimentOnnxExport.Labels.Select(l => (JsonNode)JsonValue.Create(l)!).ToArray()),
            ["tokenizer"] = new JsonObject { ["type"] = "wordpiece", ["vocab_file"] = VocabFile, ["lower_case"] = true, ["strip_accents"] = true, ["tokenize_chinese_chars"] = true },
            ["max_length"] = maxLength,
            ["pooling"] = "graph",
            ["aspect_scope"] = aspectScope == AspectScope.Clauses ? "clauses" : "text",
            ["mention_masking"] = mentionMasking == MentionMasking.Issuers ? "issuers" : "none",
        };
        var indented = new JsonSerializerOptions { WriteIndented = true };
        var manifestPath = Path.Combine(directory, ManifestFile);
        File.WriteAllText(manifestPath, manifest.ToJsonString(indented) + "\n");
        File.WriteAllText(Path.Combine(directory, TrainingFile), training.ToJsonString(indented) + "\n");
        return manifestPath;
    }

    public static string Sha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public static string Sha256File(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
