using Microsoft.ML;
using Microsoft.ML.Data;
using StreamRisk.RiskModels.Default.Classifiers;

namespace StreamRisk.RiskModels.Training.Default.Classifiers;

/// <summary>
/// An ML.NET multiclass trainer behind <see cref="IDefaultClassifier"/>. Labels become keys through a value-to-key map
/// built from the list 0..ClassCount − 1 (not from the training rows), so the score vector's slot k is class k even
/// when the training rows lack a class. (Loading the label directly as a key column shifted the classes by one slot.)
/// Scores are clipped at 0 and renormalised to sum to 1 (one-versus-all scores need not).
/// </summary>
public abstract class MlNetClassifier(int classCount) : IDefaultClassifier
{
    private ITransformer? _model;
    private MLContext? _context;
    private int _d;

    public abstract string Name { get; }

    public int ClassCount { get; } = classCount;

    /// <summary>The estimator that trains on columns "Features" (float vector) and "Label" (key).</summary>
    protected abstract IEstimator<ITransformer> Trainer(MLContext context, int seed);

    public void Fit(IReadOnlyList<double[]> features, IReadOnlyList<int> labels, int seed)
    {
        if (features.Count == 0) throw new ArgumentException("no training rows", nameof(features));
        if (features.Count != labels.Count) throw new ArgumentException($"{features.Count} rows but {labels.Count} labels");
        _d = features[0].Length;
        _context = new MLContext(seed);
        var rows = features.Select((x, i) => new LabelledRow { Features = ToFloat(x), Label = (uint)labels[i] });
        var schema = SchemaDefinition.Create(typeof(LabelledRow));
        schema[nameof(LabelledRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, _d);
        var classes = _context.Data.LoadFromEnumerable(Enumerable.Range(0, ClassCount).Select(k => new ClassValue { Label = (uint)k }));
        var data = _context.Data.LoadFromEnumerable(rows, schema);
        // The key map is applied to the training rows only: scoring needs no label column.
        var keyed = _context.Transforms.Conversion.MapValueToKey("Label", "Label", keyData: classes).Fit(data).Transform(data);
        _model = Trainer(_context, seed).Fit(keyed);
    }

    public double[][] PredictProbabilities(IReadOnlyList<double[]> features)
    {
        if (_model is null || _context is null) throw new InvalidOperationException("Fit the model before predicting");
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, _d);
        var scored = _model.Transform(_context.Data.LoadFromEnumerable(features.Select(x => new FeatureRow { Features = ToFloat(x) }), schema));
        return scored.GetColumn<float[]>("Score").Select(Normalise).ToArray();
    }

    private double[] Normalise(float[] score)
    {
        if (score.Length != ClassCount) throw new InvalidOperationException($"{Name} gave {score.Length} scores per row, expected {ClassCount}");
        var p = score.Select(s => float.IsFinite(s) ? Math.Max(s, 0.0) : 0.0).ToArray();
        var sum = p.Sum();
        for (var k = 0; k < p.Length; k++) p[k] = sum > 0 ? p[k] / sum : 1.0 / p.Length;
        return p;
    }

    private static float[] ToFloat(double[] x) => x.Select(v => double.IsFinite(v) ? (float)v : float.NaN).ToArray();

    private sealed class LabelledRow
    {
        public float[] Features { get; set; } = [];
        public uint Label { get; set; }
    }

    private sealed class ClassValue
    {
        public uint Label { get; set; }
    }

    private sealed class FeatureRow
    {
        public float[] Features { get; set; } = [];
    }
}
