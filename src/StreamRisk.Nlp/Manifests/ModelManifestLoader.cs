using System.Security.Cryptography;
using System.Text.Json;

namespace StreamRisk.Nlp.Manifests;

/// <summary>Reads a manifest and checks everything that can be checked without opening the graph: fields, files,
/// checksums, labels, pooling. Paths inside a manifest are relative to the manifest's folder.</summary>
public static class ModelManifestLoader
{
    private static readonly JsonSerializerOptions Json = new() { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static LoadedManifest Load(string manifestPath, string expectedTask)
    {
        var path = Path.GetFullPath(manifestPath);
        if (!File.Exists(path)) throw new ModelManifestException(path, "(manifest)", "file not found");
        ModelManifest m;
        try
        {
            m = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path), Json)
                ?? throw new ModelManifestException(path, "(manifest)", "is empty; expected a JSON object");
        }
        catch (JsonException e)
        {
            throw new ModelManifestException(path, e.Path ?? "(manifest)", $"is not valid JSON: {e.Message}");
        }
        var dir = Path.GetDirectoryName(path)!;
        ModelManifestException Error(string field, string problem) => new(path, field, problem);

        if (m.FormatVersion != 1) throw Error("format_version", $"is {m.FormatVersion}; expected 1");
        if (string.IsNullOrWhiteSpace(m.ModelId)) throw Error("model_id", "is missing; expected a name@version");
        if (m.Task != expectedTask) throw Error("task", $"is '{m.Task}'; expected '{expectedTask}'");
        var modelPath = ExistingFile(dir, m.File, "file", Error);
        CheckSha256(modelPath, m.Sha256, "sha256", Error);
        if (m.MaxLength is < 3 or > 8192) throw Error("max_length", $"is {m.MaxLength}; expected 3..8192 tokens");

        var tok = m.Tokenizer ?? throw Error("tokenizer", "is missing; expected {type, vocab_file, lower_case}");
        if (tok.Type != "wordpiece") throw Error("tokenizer.type", $"is '{tok.Type}'; expected 'wordpiece'");
        if (tok.LowerCase is null) throw Error("tokenizer.lower_case", "is missing; expected true (uncased models) or false");
        var vocabPath = ExistingFile(dir, tok.VocabFile, "tokenizer.vocab_file", Error);

        CheckTensors(m.Inputs, "inputs", Error);
        CheckTensors(m.Outputs, "outputs", Error);
        for (var i = 0; i < m.Inputs!.Count; i++)
            if (!ModelInputs.IsKnown(m.Inputs[i].Name!))
                throw Error($"inputs[{i}].name", $"is '{m.Inputs[i].Name}'; expected one of input_ids, attention_mask, token_type_ids, aspect_mask");
        if (!m.Inputs.Any(t => t.Name == ModelInputs.InputIds)) throw Error("inputs", "has no 'input_ids'; expected it among the inputs");

        CheckTaskFields(m, Error);
        string? headPath = null;
        if (m.Pooling == "head-weights")
        {
            var head = m.Head ?? throw Error("head", "is missing; pooling 'head-weights' needs {file, sha256, layers, activation}");
            headPath = ExistingFile(dir, head.File, "head.file", Error);
            CheckSha256(headPath, head.Sha256, "head.sha256", Error);
            if (head.Layers is not { Count: > 0 }) throw Error("head.layers", "is missing or empty; expected the layer names in order");
            if (head.Activation is not ("tanh" or "relu" or "gelu"))
                throw Error("head.activation", $"is '{head.Activation}'; expected tanh, relu or gelu");
        }
        return new LoadedManifest(path, m, modelPath, vocabPath, headPath);
    }

    private static void CheckTaskFields(ModelManifest m, Func<string, string, ModelManifestException> error)
    {
        switch (m.Task)
        {
            case ModelTasks.AspectSentiment:
                if (m.Pooling is not ("graph" or "head-weights")) throw error("pooling", $"is '{m.Pooling}'; expected 'graph' or 'head-weights'");
                foreach (var label in (string[])["negative", "neutral", "positive"])
                    if (m.Labels is null || !m.Labels.Any(l => string.Equals(l, label, StringComparison.OrdinalIgnoreCase)))
                        throw error("labels", $"lacks '{label}'; expected negative, neutral and positive in the model's output order");
                if (m.Labels!.Count != 3) throw error("labels", $"has {m.Labels.Count} labels; expected 3");
                if (m.Pooling == "graph" && !m.Inputs!.Any(t => t.Name == ModelInputs.AspectMask))
                    throw error("inputs", "has no 'aspect_mask'; pooling 'graph' needs the mention mask as an input");
                if (m.AspectScope is not (null or "text" or "clauses"))
                    throw error("aspect_scope", $"is '{m.AspectScope}'; expected 'text' (the default) or 'clauses', the scope the model was trained with");
                if (m.MentionMasking is not (null or "none" or "issuers"))
                    throw error("mention_masking", $"is '{m.MentionMasking}'; expected 'none' (the default) or 'issuers', the masking the model was trained with");
                break;
            case ModelTasks.TokenClassification:
                if (m.Labels is not { Count: >= 2 } || !m.Labels.Contains("O"))
                    throw error("labels", "is missing or lacks 'O'; expected BIO labels such as [O, B-ORG, I-ORG]");
                if (m.Pooling is not (null or "none")) throw error("pooling", $"is '{m.Pooling}'; expected 'none'");
                if (m.AspectScope is not null) throw error("aspect_scope", "is set; it applies only to aspect-sentiment models, remove it");
                if (m.MentionMasking is not null) throw error("mention_masking", "is set; it applies only to aspect-sentiment models, remove it");
                break;
            case ModelTasks.Embedding:
                if (m.Pooling is not ("cls" or "mean")) throw error("pooling", $"is '{m.Pooling}'; expected 'cls' or 'mean'");
                if (m.AspectScope is not null) throw error("aspect_scope", "is set; it applies only to aspect-sentiment models, remove it");
                if (m.MentionMasking is not null) throw error("mention_masking", "is set; it applies only to aspect-sentiment models, remove it");
                break;
        }
    }

    private static void CheckTensors(IReadOnlyList<TensorSpec>? tensors, string field, Func<string, string, ModelManifestException> error)
    {
        if (tensors is not { Count: > 0 }) throw error(field, "is missing or empty; expected [{name, shape, type}]");
        for (var i = 0; i < tensors.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(tensors[i].Name)) throw error($"{field}[{i}].name", "is missing");
            if (tensors[i].Type is not ("int64" or "float32")) throw error($"{field}[{i}].type", $"is '{tensors[i].Type}'; expected int64 or float32");
        }
    }

    private static string ExistingFile(string dir, string? relative, string field, Func<string, string, ModelManifestException> error)
    {
        if (string.IsNullOrWhiteSpace(relative)) throw error(field, "is missing; expected a file name relative to the manifest");
        var full = Path.GetFullPath(Path.Combine(dir, relative));
        if (!File.Exists(full)) throw error(field, $"names '{relative}', which does not exist (looked for {full})");
        return full;
    }

    private static void CheckSha256(string file, string? expected, string field, Func<string, string, ModelManifestException> error)
    {
        if (expected is not { Length: 64 }) throw error(field, $"is '{expected}'; expected 64 hex digits (sha256sum of the file)");
        using var stream = File.OpenRead(file);
        var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
            throw error(field, $"is {expected} but {Path.GetFileName(file)} hashes to {actual}; expected them equal (file changed or manifest stale)");
    }
}
