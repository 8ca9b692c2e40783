using System.Globalization;
using StreamRisk.Core.Events;
using StreamRisk.RiskModels.Artifacts;
using StreamRisk.RiskModels.Networks;

namespace StreamRisk.RiskModels.Default;

/// <summary>
/// A trained EMDLOT default-class model (kind <c>default-emdlot</c>) loaded from its artifact and run by the C# forward
/// pass (<see cref="EmdlotNetwork"/>), no TorchSharp. The artifact carries the feature order, the normalisation, the
/// chapters, the number of quarters read and the ablation switches; a mismatched artifact fails on load with a
/// <see cref="ModelArtifactException"/> naming the field. The explanation: the features × quarters with the largest
/// feature attention (each quarter's weights sum to 1), soft cluster membership, the numbers/text modality weights
/// averaged over the quarters read, and the chapter weights averaged over the quarters that had text.
/// </summary>
public sealed class DefaultClassModel : IDefaultClassScorer
{
    public const string Kind = "default-emdlot";
    public const string ChapterExtraPrefix = DefaultArtifactFields.ChapterExtraPrefix;
    public static readonly IReadOnlyList<string> Outputs = DefaultArtifactFields.Outputs;

    private DefaultClassModel(ModelArtifact artifact, EmdlotNetwork network, DefaultNormalisation normalisation, int steps, IReadOnlyList<string> chapters,
        int financial)
    {
        MacroNames = artifact.Manifest.Features.Skip(financial).ToArray();
        Artifact = artifact;
        Network = network;
        Normalisation = normalisation;
        Steps = steps;
        Chapters = chapters;
        _single = new ThreadLocal<DefaultBatch>(() => NewBatch(1));
    }

    // One reusable single-row batch per scoring thread: a fresh one is 8 × 2 × 4,096 floats, a large-object-heap
    // allocation per issuer that would show in the p99 as gen-2 collections.
    private readonly ThreadLocal<DefaultBatch> _single;

    public ModelArtifact Artifact { get; }
    public ModelManifest Manifest => Artifact.Manifest;
    public string Name => Manifest.ModelVersion;
    public string Version => Manifest.ModelVersion;
    /// <summary>The indicators after the financial ones, in the model's order (what the score stage looks up live).</summary>
    public IReadOnlyList<string> MacroNames { get; }
    public EmdlotNetwork Network { get; }
    public DefaultNormalisation Normalisation { get; }
    public int Steps { get; }
    public IReadOnlyList<string> Features => Manifest.Features;
    public IReadOnlyList<string> Chapters { get; }

    public static DefaultClassModel Load(string path) => FromArtifact(ModelArtifact.Load(path, Kind));

    public static DefaultClassModel FromArtifact(ModelArtifact artifact)
    {
        DefaultArtifactFields.CheckKindAndOutputs(artifact, Kind);
        var m = artifact.Manifest;
        var where = artifact.ManifestPath;
        var chapters = DefaultArtifactFields.Chapters(artifact);
        var chapterCount = chapters.Count;
        var shape = new EmdlotShape(
            m.Features.Count, chapterCount, artifact.IntHyperparameter("embedding_dimension"), artifact.IntHyperparameter("modality_dimension"),
            artifact.IntHyperparameter("hidden"), artifact.IntHyperparameter("clusters"), DefaultArtifactFields.Flag(artifact, "use_text"), DefaultArtifactFields.Flag(artifact, "use_attention"),
            DefaultArtifactFields.Flag(artifact, "time_aware"), Positive(artifact, "feature_temperature"), Positive(artifact, "chapter_temperature"), Positive(artifact, "modality_temperature"));
        try
        {
            shape.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new ModelArtifactException($"{where}: field 'hyperparameters': {ex.Message}");
        }
        var financial = artifact.IntHyperparameter("financial_features");
        if (financial > m.Features.Count)
            throw new ModelArtifactException($"{where}: field 'hyperparameters.financial_features' ({financial}) exceeds the {m.Features.Count} features");
        var steps = artifact.IntHyperparameter("steps");
        if (steps < 1) throw new ModelArtifactException($"{where}: field 'hyperparameters.steps' must be at least 1");
        foreach (var (name, dims) in shape.Tensors()) artifact.Tensor(name, dims);
        var normalisation = new DefaultNormalisation(m.Normalisation.Mean, m.Normalisation.Scale, chapterCount, shape.EmbeddingDimension,
            Positive(artifact, "clip_sd"));
        return new DefaultClassModel(artifact, new EmdlotNetwork(shape, artifact.Tensors), normalisation, steps, chapters, financial);
    }

    /// <summary>Class probabilities and the explanation (top 5 features × quarters) for one issuer at one origin.</summary>
    public ClassModelScore Score(DefaultExample example) => Score(example, 5);

    /// <summary>Class probabilities and the explanation with the <paramref name="topFeatures"/> largest feature × quarter weights.</summary>
    public ClassModelScore Score(DefaultExample example, int topFeatures)
    {
        ArgumentNullException.ThrowIfNull(example);
        var batch = _single.Value!;
        Array.Clear(batch.Values);
        Array.Clear(batch.Elapsed);
        Array.Clear(batch.StepMask);
        Array.Clear(batch.Text);
        Array.Clear(batch.ChapterMask);
        try
        {
            DefaultTensors.Fill(example, Normalisation, Steps, batch, 0);
        }
        catch (ArgumentException ex)
        {
            throw Mismatch(ex);
        }
        var trace = Network.NewTrace(Steps);
        Span<float> p = stackalloc float[EmdlotShape.Classes];
        Network.Forward(batch, 0, p, trace);

        var skip = Math.Max(0, example.Quarters.Count - Steps);
        var real = example.Quarters.Count - skip;
        var f = Network.Shape.Features;
        var top = new List<FeatureAttribution>(real * f);
        for (var t = 0; t < real; t++)
        {
            for (var k = 0; k < f; k++) top.Add(new FeatureAttribution(Features[k], example.Quarters[skip + t].PeriodEnd, trace.FeatureWeights[t * f + k]));
        }
        double numbers = 0, text = 0;
        for (var t = 0; t < real; t++)
        {
            numbers += trace.ModalityWeights[t * 2];
            text += trace.ModalityWeights[t * 2 + 1];
        }
        var chapterWeights = new List<ChapterAttribution>();
        if (Network.Shape.UseText)
        {
            var c = Network.Shape.Chapters;
            var withText = 0;
            var sums = new double[c];
            for (var t = 0; t < real; t++)
            {
                if (batch.ChapterMask.AsSpan(t * c, c).IndexOfAnyExcept(0f) < 0) continue;
                withText++;
                for (var j = 0; j < c; j++) sums[j] += trace.ChapterWeights[t * c + j];
            }
            for (var j = 0; j < c; j++) chapterWeights.Add(new ChapterAttribution(Chapters[j], withText == 0 ? 0 : sums[j] / withText));
        }
        var explanation = new RiskClassExplanation(
            Name, real == 0 ? null : example.Quarters[^1].PeriodEnd, real,
            top.OrderByDescending(a => a.Weight).Take(topFeatures).ToArray(), trace.Assignment.Select(a => (double)a).ToArray(),
            real == 0 ? 1 : numbers / real, real == 0 ? 0 : text / real, chapterWeights);
        return new ClassModelScore(p[0], p[1], p[2], explanation);
    }

    /// <summary>Probabilities [Count × 3] (performing, extended, defaulted) of many examples, for evaluation.</summary>
    public float[] ScoreBatch(IReadOnlyList<DefaultExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var result = new float[examples.Count * EmdlotShape.Classes];
        const int chunk = 256;
        for (var from = 0; from < examples.Count; from += chunk)
        {
            var part = examples.Skip(from).Take(chunk).ToArray();
            var batch = Build(part);
            for (var i = 0; i < part.Length; i++) Network.Forward(batch, i, result.AsSpan((from + i) * EmdlotShape.Classes, EmdlotShape.Classes));
        }
        return result;
    }

    private DefaultBatch Build(IReadOnlyList<DefaultExample> examples)
    {
        try
        {
            return DefaultTensors.Build(examples, Normalisation, Steps, Network.Shape.UseText);
        }
        catch (ArgumentException ex)
        {
            throw Mismatch(ex);
        }
    }

    private ArgumentException Mismatch(ArgumentException ex) =>
        new($"{Name} ({Artifact.ManifestPath}) reads {Features.Count} indicators and {Chapters.Count} chapters of {Normalisation.EmbeddingDimension}: {ex.Message}", ex);

    private DefaultBatch NewBatch(int size)
    {
        var (f, c, d, useText) = (Normalisation.Features, Normalisation.Chapters, Normalisation.EmbeddingDimension, Network.Shape.UseText);
        return new DefaultBatch
        {
            Size = size, Steps = Steps, Features = f, Chapters = c, EmbeddingDimension = d,
            Values = new float[size * Steps * f], Elapsed = new float[size * Steps], StepMask = new float[size * Steps],
            Text = useText ? new float[(long)size * Steps * c * d] : [], ChapterMask = useText ? new float[size * Steps * c] : [], Labels = new int[size],
        };
    }

    private static double Positive(ModelArtifact artifact, string name)
    {
        if (!artifact.Manifest.Hyperparameters.TryGetValue(name, out var v) || !(v > 0) || !double.IsFinite(v))
            throw new ModelArtifactException($"{artifact.ManifestPath}: field 'hyperparameters.{name}' is missing or not a positive number");
        return v;
    }
}
