using StreamRisk.Core.Events;
using StreamRisk.Core.Scoring;
using StreamRisk.Core.Serialization;
using StreamRisk.RiskModels.Artifacts;
using StreamRisk.RiskModels.Default.Classifiers;
using StreamRisk.RiskModels.Default.Features;

namespace StreamRisk.RiskModels.Default;

/// <summary>What a tabular MLP artifact records besides its weights.</summary>
/// <param name="ModelVersion"><c>name@version</c>, written into every score.</param>
/// <param name="MacroNames">The macro indicators of the rows, in order.</param>
/// <param name="Chapters">The disclosure chapters, in order.</param>
/// <param name="Steps">The newest statements an example holds (the dataset's quarters per example): the row's
/// <c>quarters</c> and Δt columns count only these, so live assembly must cut at the same number.</param>
/// <param name="TextEmbedding">Whether the rows end with the chapters' mean embeddings (the text-embedding MLP).</param>
/// <param name="EmbeddingDimension">The chapters' embedding dimension (0 without text embedding).</param>
/// <param name="Smote">Whether the training rows were balanced by SMOTE (recorded, not used when scoring).</param>
public sealed record TabularMlpDescription(string ModelVersion, IReadOnlyList<string> MacroNames, IReadOnlyList<string> Chapters, int Steps,
    bool TextEmbedding, int EmbeddingDimension, bool Smote);

/// <summary>
/// A served tabular MLP default-class model (kind <c>default-tabular-mlp</c>): the baseline MLP on
/// <see cref="DefaultTabularFeatures"/> rows, or the text-embedding MLP (seed document 004) whose rows also carry
/// <see cref="ChapterEmbeddingFeatures"/>. Rows are built by the same code as in training, standardised with the
/// training split's mean and scale, and run through ReLU → softmax in double precision from float32 weights.
/// <para>The explanation is gradient × input on the standardised row for the most probable class's log-probability:
/// each column's share of the summed absolute attributions. Numeric columns compete for the top features (dated at the
/// newest statement read); text columns (chapter presence flags and embeddings) add up per chapter into the chapter
/// weights and the text weight. An MLP has no clusters: the membership is [1].</para>
/// </summary>
public sealed class TabularMlpClassModel : IDefaultClassScorer
{
    public const string Kind = "default-tabular-mlp";

    private readonly DefaultTabularFeatures _features;
    private readonly float[] _w1, _b1, _w2, _b2;
    private readonly int _inputs, _hidden;
    private readonly int[] _textChapter; // per column: the chapter a text column belongs to, −1 for a numeric column

    private TabularMlpClassModel(ModelArtifact artifact, TabularMlpDescription description, int hidden)
    {
        Artifact = artifact;
        Description = description;
        _features = new DefaultTabularFeatures(description.MacroNames, description.Chapters);
        _inputs = artifact.Manifest.Features.Count;
        _hidden = hidden;
        _w1 = artifact.Tensor("w1", hidden, _inputs);
        _b1 = artifact.Tensor("b1", hidden);
        _w2 = artifact.Tensor("w2", DefaultArtifactFields.Outputs.Count, hidden);
        _b2 = artifact.Tensor("b2", DefaultArtifactFields.Outputs.Count);
        _textChapter = artifact.Manifest.Features.Select(name => ChapterOf(name, description.Chapters)).ToArray();
    }

    public ModelArtifact Artifact { get; }
    public TabularMlpDescription Description { get; }
    public string Version => Description.ModelVersion;
    public int Steps => Description.Steps;
    public IReadOnlyList<string> MacroNames => Description.MacroNames;

    /// <summary>The column names of a row, in order (the manifest's <c>features</c>).</summary>
    public static IReadOnlyList<string> ColumnNames(IReadOnlyList<string> macroNames, IReadOnlyList<string> chapters, bool textEmbedding, int embeddingDimension) =>
    [
        .. new DefaultTabularFeatures(macroNames, chapters).Names,
        .. textEmbedding ? ChapterEmbeddingFeatures.Names(chapters, embeddingDimension) : [],
    ];

    /// <summary>Writes the artifact of a fitted MLP and its standardisation.</summary>
    public static ModelArtifact Save(string directory, TabularMlpDescription description, MlpWeights weights, FeatureNormalisation normalisation,
        TrainingDataInfo trainingData, IReadOnlyDictionary<string, double> metrics, long seed, string codeVersion)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(weights);
        var columns = ColumnNames(description.MacroNames, description.Chapters, description.TextEmbedding, description.EmbeddingDimension);
        if (weights.Inputs != columns.Count || normalisation.Mean.Length != columns.Count)
            throw new ArgumentException($"the MLP reads {weights.Inputs} columns and its standardisation {normalisation.Mean.Length}, but the description gives {columns.Count}");
        if (weights.Classes != DefaultArtifactFields.Outputs.Count) throw new ArgumentException($"a default-class MLP has 3 outputs, not {weights.Classes}");
        static float[] F(double[] v) => v.Select(x => (float)x).ToArray();
        var tensors = new Dictionary<string, SafetensorsTensor>(StringComparer.Ordinal)
        {
            ["w1"] = new([weights.Hidden, weights.Inputs], F(weights.W1)),
            ["b1"] = new([weights.Hidden], F(weights.B1)),
            ["w2"] = new([weights.Classes, weights.Hidden], F(weights.W2)),
            ["b2"] = new([weights.Classes], F(weights.B2)),
        };
        var hyperparameters = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["hidden"] = weights.Hidden, ["steps"] = description.Steps, ["chapters"] = description.Chapters.Count,
            ["text_embedding"] = description.TextEmbedding ? 1 : 0, ["embedding_dimension"] = description.EmbeddingDimension,
            ["smote"] = description.Smote ? 1 : 0,
        };
        var extras = new Dictionary<string, double[]>(StringComparer.Ordinal);
        DefaultArtifactFields.WriteChapters(extras, description.Chapters);
        var manifest = new ModelManifest(ModelManifest.CurrentFormatVersion, Kind, description.ModelVersion, columns, normalisation,
            new OutputScaling(DefaultArtifactFields.Outputs, [0, 0, 0], [1, 1, 1]), trainingData, metrics, seed, codeVersion, [], hyperparameters, extras);
        return ModelArtifact.Save(directory, manifest, tensors);
    }

    public static TabularMlpClassModel Load(string path) => FromArtifact(ModelArtifact.Load(path, Kind));

    public static TabularMlpClassModel FromArtifact(ModelArtifact artifact)
    {
        DefaultArtifactFields.CheckKindAndOutputs(artifact, Kind);
        var m = artifact.Manifest;
        var where = artifact.ManifestPath;
        var chapters = DefaultArtifactFields.Chapters(artifact);
        var text = DefaultArtifactFields.Flag(artifact, "text_embedding");
        var dimension = artifact.IntHyperparameter("embedding_dimension");
        var steps = artifact.IntHyperparameter("steps");
        var hidden = artifact.IntHyperparameter("hidden");
        if (steps < 1) throw new ModelArtifactException($"{where}: field 'hyperparameters.steps' must be at least 1");
        if (hidden < 1) throw new ModelArtifactException($"{where}: field 'hyperparameters.hidden' must be at least 1");
        if (text && dimension < 1) throw new ModelArtifactException($"{where}: field 'hyperparameters.embedding_dimension' must be at least 1 with text_embedding 1");
        var macro = m.Features.Where(f => f.StartsWith("macro_", StringComparison.Ordinal)).Select(f => f["macro_".Length..]).ToArray();
        var expected = ColumnNames(macro, chapters, text, dimension);
        if (!m.Features.SequenceEqual(expected, StringComparer.Ordinal))
        {
            var at = Enumerable.Range(0, Math.Min(expected.Count, m.Features.Count)).FirstOrDefault(i => expected[i] != m.Features[i], Math.Min(expected.Count, m.Features.Count));
            throw new ModelArtifactException($"{where}: field 'features' does not match this code's tabular rows (first difference at column {at}: "
                + $"'{(at < m.Features.Count ? m.Features[at] : "(end)")}' where '{(at < expected.Count ? expected[at] : "(end)")}' was expected); retrain with this version");
        }
        if (m.Normalisation.Mean.Length != expected.Count || m.Normalisation.Scale.Length != expected.Count)
            throw new ModelArtifactException($"{where}: field 'normalisation' must have {expected.Count} means and scales (one per feature)");
        if (m.Normalisation.Scale.Any(s => !(s > 0) || !double.IsFinite(s)) || m.Normalisation.Mean.Any(v => !double.IsFinite(v)))
            throw new ModelArtifactException($"{where}: field 'normalisation' holds a non-finite mean or a scale that is not positive");
        var description = new TabularMlpDescription(m.ModelVersion, macro, chapters, steps, text, text ? dimension : 0, DefaultArtifactFields.Flag(artifact, "smote"));
        return new TabularMlpClassModel(artifact, description, hidden);
    }

    /// <summary>The model's row for <paramref name="example"/>, standardised (a missing value becomes the training mean).</summary>
    public double[] StandardisedRow(DefaultExample example)
    {
        var row = _features.Extract(example);
        if (Description.TextEmbedding) row = ChapterEmbeddingFeatures.Append(row, example, Description.Chapters.Count, Description.EmbeddingDimension);
        return TabularStandardiser.Apply(Artifact.Manifest.Normalisation, row);
    }

    public double[] Probabilities(DefaultExample example) => Forward(StandardisedRow(example), new double[_hidden]);

    public ClassModelScore Score(DefaultExample example) => Score(example, 5);

    public ClassModelScore Score(DefaultExample example, int topFeatures)
    {
        ArgumentNullException.ThrowIfNull(example);
        var z = StandardisedRow(example);
        var h = new double[_hidden];
        var p = Forward(z, h);
        var k = RiskClasses.MostProbable(p[0], p[1], p[2]) switch { RiskClass.Performing => 0, RiskClass.Extended => 1, _ => 2 };

        // ∂ log p_k / ∂ logit_j = 1[j = k] − p_j, back through W2, the ReLU and W1.
        var dh = new double[_hidden];
        for (var j = 0; j < p.Length; j++)
        {
            var d = (j == k ? 1 : 0) - p[j];
            for (var u = 0; u < _hidden; u++) dh[u] += d * _w2[j * _hidden + u];
        }
        var share = new double[_inputs];
        var total = 0.0;
        for (var f = 0; f < _inputs; f++)
        {
            var g = 0.0;
            for (var u = 0; u < _hidden; u++) if (h[u] > 0) g += dh[u] * _w1[u * _inputs + f];
            total += share[f] = Math.Abs(g * z[f]);
        }
        for (var f = 0; total > 0 && f < _inputs; f++) share[f] /= total;

        var chapters = new double[Description.Chapters.Count];
        double text = 0;
        for (var f = 0; f < _inputs; f++)
        {
            if (_textChapter[f] < 0) continue;
            chapters[_textChapter[f]] += share[f];
            text += share[f];
        }
        var day = example.Quarters.Count == 0 ? (DateOnly?)null : example.Quarters[^1].PeriodEnd;
        var top = Enumerable.Range(0, _inputs).Where(f => _textChapter[f] < 0 && share[f] > 0).OrderByDescending(f => share[f]).Take(topFeatures)
            .Select(f => new FeatureAttribution(Artifact.Manifest.Features[f], day ?? example.Origin, share[f])).ToArray();
        var explanation = new RiskClassExplanation(Version, day, example.Quarters.Count, top, [1.0], total > 0 ? 1 - text : 1, text,
            Description.Chapters.Select((c, i) => new ChapterAttribution(c, text > 0 ? chapters[i] / text : 0)).ToArray());
        return new ClassModelScore(p[0], p[1], p[2], explanation);
    }

    private double[] Forward(double[] z, double[] h)
    {
        for (var u = 0; u < _hidden; u++)
        {
            double a = _b1[u];
            var at = u * _inputs;
            for (var f = 0; f < _inputs; f++) a += _w1[at + f] * z[f];
            h[u] = a > 0 ? a : 0;
        }
        var p = new double[DefaultArtifactFields.Outputs.Count];
        var max = double.NegativeInfinity;
        for (var j = 0; j < p.Length; j++)
        {
            double a = _b2[j];
            for (var u = 0; u < _hidden; u++) a += _w2[j * _hidden + u] * h[u];
            max = Math.Max(max, p[j] = a);
        }
        var sum = 0.0;
        for (var j = 0; j < p.Length; j++) sum += p[j] = Math.Exp(p[j] - max);
        for (var j = 0; j < p.Length; j++) p[j] /= sum;
        return p;
    }

    private static int ChapterOf(string column, IReadOnlyList<string> chapters)
    {
        for (var c = 0; c < chapters.Count; c++)
        {
            if (column == "text_" + chapters[c]) return c;
            // emb_CHAPTER_D with D all digits: a chapter whose name starts another's ("risk", "risk_factors") is not confused.
            var prefix = "emb_" + chapters[c] + "_";
            if (column.StartsWith(prefix, StringComparison.Ordinal) && column.Length > prefix.Length && column.AsSpan(prefix.Length).IndexOfAnyExceptInRange('0', '9') < 0)
                return c;
        }
        return -1;
    }
}
