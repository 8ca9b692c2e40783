namespace StreamRisk.RiskModels.Artifacts;

/// <summary>
/// <c>manifest.json</c> of a trained model artifact: what the model is, what it was trained on and how to feed it.
/// Generic over model kinds (spread forecasters, default-class models): kind-specific settings go in
/// <see cref="Hyperparameters"/> and <see cref="Extras"/>, and the kind's loader checks them.
/// </summary>
/// <param name="FormatVersion">Version of this manifest layout (<see cref="ModelManifest.CurrentFormatVersion"/>).</param>
/// <param name="ModelKind">What the weights are, e.g. <c>spread-itransformer</c>; a loader refuses another kind.</param>
/// <param name="ModelVersion">Written into every event the model scores (<c>name@version</c>).</param>
/// <param name="Features">Input features in the order the model reads them.</param>
/// <param name="Normalisation">Per-feature centre and scale applied before the model: (x − mean) / scale.</param>
/// <param name="Outputs">Output names in order, with the centre and scale that map the model's output back.</param>
/// <param name="TrainingData">SHA-256 of the training examples and where they came from.</param>
/// <param name="Metrics">Held-out metrics measured when the artifact was written.</param>
/// <param name="Seed">Seed of the training run.</param>
/// <param name="CodeVersion">Version of the code that trained it.</param>
/// <param name="Weights">Weight files relative to the artifact folder, with their SHA-256.</param>
public sealed record ModelManifest(
    int FormatVersion,
    string ModelKind,
    string ModelVersion,
    IReadOnlyList<string> Features,
    FeatureNormalisation Normalisation,
    OutputScaling Outputs,
    TrainingDataInfo TrainingData,
    IReadOnlyDictionary<string, double> Metrics,
    long Seed,
    string CodeVersion,
    IReadOnlyList<WeightFile> Weights,
    IReadOnlyDictionary<string, double> Hyperparameters,
    IReadOnlyDictionary<string, double[]> Extras)
{
    public const int CurrentFormatVersion = 1;
    public const string FileName = "manifest.json";
}

/// <summary>(x − Mean[i]) / Scale[i] per feature.</summary>
public sealed record FeatureNormalisation(double[] Mean, double[] Scale);

/// <summary>The model's outputs in order; y = output · Scale[i] + Mean[i].</summary>
public sealed record OutputScaling(IReadOnlyList<string> Names, double[] Mean, double[] Scale);

/// <summary>Where the training examples came from and their SHA-256 (a retrain on other data gives another hash).</summary>
public sealed record TrainingDataInfo(string Sha256, string Source, long Examples);

/// <summary>A weight file of the artifact (safetensors), relative to its folder.</summary>
public sealed record WeightFile(string File, string Sha256);
