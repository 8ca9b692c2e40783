using System.Security.Cryptography;
using System.Text.Json;
using StreamRisk.Core.Serialization;

namespace StreamRisk.RiskModels.Artifacts;

/// <summary>
/// A trained model on disk: a folder with <c>manifest.json</c> and safetensors weight files. Loading checks every
/// field and every checksum and fails with a <see cref="ModelArtifactException"/> naming the file and the field.
/// </summary>
public sealed class ModelArtifact
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private ModelArtifact(string directory, ModelManifest manifest, IReadOnlyDictionary<string, SafetensorsTensor> tensors)
    {
        Directory = directory;
        Manifest = manifest;
        Tensors = tensors;
    }

    public string Directory { get; }
    public ModelManifest Manifest { get; }

    /// <summary>All tensors of all weight files, by name.</summary>
    public IReadOnlyDictionary<string, SafetensorsTensor> Tensors { get; }

    public string ManifestPath => Path.Combine(Directory, ModelManifest.FileName);

    /// <summary>Writes the weights to <c>weights.safetensors</c> and the manifest (with that file's checksum) to
    /// <paramref name="directory"/>; the manifest's own <see cref="ModelManifest.Weights"/> is replaced.</summary>
    public static ModelArtifact Save(string directory, ModelManifest manifest, IReadOnlyDictionary<string, SafetensorsTensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        System.IO.Directory.CreateDirectory(directory);
        const string weightsName = "weights.safetensors";
        var bytes = Safetensors.Serialize(tensors);
        File.WriteAllBytes(Path.Combine(directory, weightsName), bytes);
        var written = manifest with { Weights = [new WeightFile(weightsName, Sha256(bytes))] };
        Validate(written, Path.Combine(directory, ModelManifest.FileName));
        File.WriteAllText(Path.Combine(directory, ModelManifest.FileName), JsonSerializer.Serialize(written, Json));
        return new ModelArtifact(directory, written, tensors);
    }

    /// <summary>Loads an artifact folder (or its manifest.json) and checks it; <paramref name="expectedKind"/> refuses other model kinds.</summary>
    public static ModelArtifact Load(string path, string? expectedKind = null)
    {
        var manifestPath = System.IO.Directory.Exists(path) ? Path.Combine(path, ModelManifest.FileName) : path;
        if (!File.Exists(manifestPath))
        {
            throw new ModelArtifactException($"{manifestPath}: no model manifest there (give the artifact folder written by streamrisk train, or its manifest.json)");
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllBytes(manifestPath), Json);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) ? "" : $" at field '{ex.Path.TrimStart('$', '.')}'";
            throw new ModelArtifactException($"{manifestPath}: not a valid model manifest{field}: {ex.Message}", ex);
        }
        if (manifest is null) throw new ModelArtifactException($"{manifestPath}: the manifest is empty (null)");
        Validate(manifest, manifestPath);
        if (expectedKind is not null && !string.Equals(manifest.ModelKind, expectedKind, StringComparison.Ordinal))
        {
            throw new ModelArtifactException($"{manifestPath}: field 'model_kind' is '{manifest.ModelKind}', expected '{expectedKind}' (wrong artifact for this option)");
        }

        var tensors = new Dictionary<string, SafetensorsTensor>(StringComparer.Ordinal);
        foreach (var weight in manifest.Weights)
        {
            var file = Path.Combine(directory, weight.File);
            if (!File.Exists(file)) throw new ModelArtifactException($"{manifestPath}: field 'weights' names '{weight.File}', which is missing from {directory}");
            var bytes = File.ReadAllBytes(file);
            var actual = Sha256(bytes);
            if (!string.Equals(actual, weight.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new ModelArtifactException($"{file}: SHA-256 {actual} differs from field 'weights.sha256' ({weight.Sha256}) in {manifestPath}: the file was changed or corrupted; retrain or restore it");
            }
            Dictionary<string, SafetensorsTensor> parsed;
            try
            {
                parsed = Safetensors.Parse(bytes, file);
            }
            catch (Exception ex) when (ex is InvalidDataException or JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new ModelArtifactException($"{file}: not a readable safetensors file ({ex.Message})", ex);
            }
            foreach (var (name, tensor) in parsed)
            {
                if (!tensors.TryAdd(name, tensor)) throw new ModelArtifactException($"{file}: tensor '{name}' also appears in another weight file");
            }
        }
        return new ModelArtifact(directory, manifest, tensors);
    }

    /// <summary>The tensor <paramref name="name"/> with exactly <paramref name="shape"/>, or a clear error.</summary>
    public float[] Tensor(string name, params int[] shape)
    {
        if (!Tensors.TryGetValue(name, out var tensor))
        {
            throw new ModelArtifactException($"{WeightsDescription()}: tensor '{name}' is missing (the weights do not match model_kind '{Manifest.ModelKind}' and its hyperparameters in {ManifestPath})");
        }
        if (!tensor.Shape.SequenceEqual(shape))
        {
            throw new ModelArtifactException($"{WeightsDescription()}: tensor '{name}' has shape [{string.Join(", ", tensor.Shape)}], expected [{string.Join(", ", shape)}] from the hyperparameters in {ManifestPath}");
        }
        return tensor.Data;
    }

    /// <summary>A hyperparameter as an integer, or a clear error naming the field.</summary>
    public int IntHyperparameter(string name)
    {
        if (!Manifest.Hyperparameters.TryGetValue(name, out var value) || value != Math.Floor(value) || value < 0 || value > int.MaxValue)
        {
            throw new ModelArtifactException($"{ManifestPath}: field 'hyperparameters.{name}' is missing or not a non-negative integer");
        }
        return (int)value;
    }

    /// <summary>An extra array of the given length, or a clear error naming the field.</summary>
    public double[] Extra(string name, int length)
    {
        if (!Manifest.Extras.TryGetValue(name, out var value) || value.Length != length)
        {
            throw new ModelArtifactException($"{ManifestPath}: field 'extras.{name}' is missing or does not have {length} values");
        }
        return value;
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private string WeightsDescription() => string.Join(", ", Manifest.Weights.Select(w => Path.Combine(Directory, w.File)));

    private static void Validate(ModelManifest m, string path)
    {
        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        void Fail(string field, string problem) => throw new ModelArtifactException($"{path}: field '{field}' {problem}");
        if (m.FormatVersion != ModelManifest.CurrentFormatVersion)
            Fail("format_version", $"is {m.FormatVersion}; this build reads {ModelManifest.CurrentFormatVersion} (retrain with this version of streamrisk)");
        if (string.IsNullOrWhiteSpace(m.ModelKind)) Fail("model_kind", "is missing");
        if (string.IsNullOrWhiteSpace(m.ModelVersion)) Fail("model_version", "is missing");
        if (m.Features is null || m.Features.Count == 0) Fail("features", "is missing or empty");
        if (m.Features!.Distinct(StringComparer.Ordinal).Count() != m.Features.Count) Fail("features", "names a feature twice");
        if (m.Normalisation?.Mean is null || m.Normalisation.Scale is null) Fail("normalisation", "needs 'mean' and 'scale'");
        if (m.Normalisation!.Mean.Length != m.Features.Count || m.Normalisation.Scale.Length != m.Features.Count)
            Fail("normalisation", $"has {m.Normalisation.Mean.Length} means and {m.Normalisation.Scale.Length} scales for {m.Features.Count} features");
        if (m.Normalisation.Scale.Any(s => !(s > 0) || !double.IsFinite(s)) || m.Normalisation.Mean.Any(v => !double.IsFinite(v)))
            Fail("normalisation", "has a non-finite mean or a scale that is not positive");
        if (m.Outputs?.Names is null || m.Outputs.Names.Count == 0 || m.Outputs.Mean is null || m.Outputs.Scale is null) Fail("outputs", "needs 'names', 'mean' and 'scale'");
        if (m.Outputs!.Mean.Length != m.Outputs.Names.Count || m.Outputs.Scale.Length != m.Outputs.Names.Count)
            Fail("outputs", $"has {m.Outputs.Mean.Length} means and {m.Outputs.Scale.Length} scales for {m.Outputs.Names.Count} outputs");
        if (m.TrainingData is null || string.IsNullOrWhiteSpace(m.TrainingData.Sha256)) Fail("training_data.sha256", "is missing");
        if (m.Metrics is null) Fail("metrics", "is missing");
        if (string.IsNullOrWhiteSpace(m.CodeVersion)) Fail("code_version", "is missing");
        if (m.Weights is null) Fail("weights", "is missing");
        if (m.Hyperparameters is null) Fail("hyperparameters", "is missing");
        if (m.Extras is null) Fail("extras", "is missing");
    }
}
