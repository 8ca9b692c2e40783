using StreamRisk.RiskModels.Default;

namespace StreamRisk.RiskModels.Training.Training;

/// <summary>
/// The training split as rows: the numbers (normalised values, Δt, step mask) of every example, plus synthetic rows from
/// an oversampler. Text is not kept (4,096-wide embeddings of every quarter would not fit in memory): each mini-batch
/// copies it from the row's donor example — itself for a real row; for a synthetic row the nearest real row of its
/// class in the numbers' space, whose chapters stand in for the interpolated issuer's texts.
/// </summary>
internal sealed class TrainingRows
{
    private readonly IReadOnlyList<DefaultExample> _examples;
    private readonly DefaultNormalisation _normalisation;
    private readonly int _steps;
    private readonly int _features;

    private TrainingRows(IReadOnlyList<DefaultExample> examples, DefaultNormalisation normalisation, int steps, float[] values, float[] elapsed,
        float[] stepMask, int[] donor, int[] labels)
    {
        _examples = examples;
        _normalisation = normalisation;
        _steps = steps;
        _features = normalisation.Features;
        Values = values;
        Elapsed = elapsed;
        StepMask = stepMask;
        Donor = donor;
        Labels = labels;
    }

    public float[] Values { get; }
    public float[] Elapsed { get; }
    public float[] StepMask { get; }
    public int[] Donor { get; }
    public int[] Labels { get; }
    public int Count => Labels.Length;
    public int RealCount => _examples.Count;

    public static TrainingRows Create(IReadOnlyList<DefaultExample> examples, DefaultNormalisation normalisation, int steps, SequenceOversampler? oversample, long seed)
    {
        var numbers = DefaultTensors.Build(examples, normalisation, steps, text: false);
        var n = examples.Count;
        if (oversample is null)
        {
            return new TrainingRows(examples, normalisation, steps, numbers.Values, numbers.Elapsed, numbers.StepMask, Enumerable.Range(0, n).ToArray(), numbers.Labels);
        }

        var f = normalisation.Features;
        var width = steps * f + 2 * steps;
        var flat = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var row = new double[width];
            for (var j = 0; j < steps * f; j++) row[j] = numbers.Values[i * steps * f + j];
            for (var t = 0; t < steps; t++)
            {
                row[steps * f + t] = numbers.Elapsed[i * steps + t];
                row[steps * f + steps + t] = numbers.StepMask[i * steps + t];
            }
            flat[i] = row;
        }
        var (rows, labels) = oversample(flat, numbers.Labels.ToArray(), unchecked((int)seed));
        if (rows.Count != labels.Length || rows.Count < n)
            throw new InvalidOperationException($"the oversampler returned {rows.Count} rows and {labels.Length} labels for {n} inputs: it must return the inputs first, then the synthetic rows");
        for (var i = 0; i < n; i++)
        {
            if (labels[i] != numbers.Labels[i] || rows[i].Length != width)
                throw new InvalidOperationException($"the oversampler changed input row {i}: it must return the inputs first and unchanged");
        }

        var count = rows.Count;
        var values = new float[count * steps * f];
        var elapsed = new float[count * steps];
        var stepMask = new float[count * steps];
        var donor = new int[count];
        numbers.Values.CopyTo(values, 0);
        numbers.Elapsed.CopyTo(elapsed, 0);
        numbers.StepMask.CopyTo(stepMask, 0);
        for (var i = 0; i < n; i++) donor[i] = i;
        var byClass = Enumerable.Range(0, 3).Select(c => Enumerable.Range(0, n).Where(i => labels[i] == c).ToArray()).ToArray();
        for (var i = n; i < count; i++)
        {
            var row = rows[i];
            if (row.Length != width || labels[i] is < 0 or > 2) throw new InvalidOperationException($"synthetic row {i} has {row.Length} values (expected {width}) or label {labels[i]}");
            for (var t = 0; t < steps; t++)
            {
                // An interpolated mask is not a mask: a quarter is real when it is at least half real in the blend.
                var real = row[steps * f + steps + t] >= 0.5;
                stepMask[i * steps + t] = real ? 1 : 0;
                elapsed[i * steps + t] = real ? (float)Math.Max(0, row[steps * f + t]) : 0;
                for (var k = 0; k < f; k++) values[(i * steps + t) * f + k] = real ? (float)row[t * f + k] : 0;
            }
            donor[i] = Nearest(row, flat, byClass[labels[i]]);
        }
        return new TrainingRows(examples, normalisation, steps, values, elapsed, stepMask, donor, labels);
    }

    public DefaultBatch NewBatch(int size, bool useText)
    {
        var (f, c, d) = (_normalisation.Features, _normalisation.Chapters, _normalisation.EmbeddingDimension);
        return new DefaultBatch
        {
            Size = size, Steps = _steps, Features = f, Chapters = c, EmbeddingDimension = d,
            Values = new float[size * _steps * f], Elapsed = new float[size * _steps], StepMask = new float[size * _steps],
            Text = useText ? new float[(long)size * _steps * c * d] : [], ChapterMask = useText ? new float[size * _steps * c] : [],
            Labels = new int[size],
        };
    }

    /// <summary>Fills the first rows of <paramref name="buffer"/> with <paramref name="indices"/>.</summary>
    public DefaultBatch Fill(DefaultBatch buffer, int[] indices, bool useText)
    {
        var (t, f, c, d) = (_steps, _features, _normalisation.Chapters, _normalisation.EmbeddingDimension);
        Array.Clear(buffer.Text);
        Array.Clear(buffer.ChapterMask);
        Array.Clear(buffer.Values);
        for (var i = 0; i < indices.Length; i++)
        {
            var r = indices[i];
            if (useText) DefaultTensors.Fill(_examples[Donor[r]], _normalisation, t, buffer, i);
            Values.AsSpan(r * t * f, t * f).CopyTo(buffer.Values.AsSpan(i * t * f, t * f));
            Elapsed.AsSpan(r * t, t).CopyTo(buffer.Elapsed.AsSpan(i * t, t));
            StepMask.AsSpan(r * t, t).CopyTo(buffer.StepMask.AsSpan(i * t, t));
            buffer.Labels[i] = Labels[r];
            if (!useText || r < RealCount) continue;
            for (var s = 0; s < t; s++)
            {
                if (StepMask[r * t + s] != 0) continue;
                buffer.ChapterMask.AsSpan((i * t + s) * c, c).Clear();
                buffer.Text.AsSpan((int)((long)(i * t + s) * c * d), c * d).Clear();
            }
        }
        return buffer;
    }

    private static int Nearest(double[] row, double[][] flat, int[] candidates)
    {
        var best = candidates.Length > 0 ? candidates[0] : 0;
        var bestDistance = double.PositiveInfinity;
        foreach (var j in candidates)
        {
            double d = 0;
            var other = flat[j];
            for (var k = 0; k < row.Length && d < bestDistance; k++) d += (row[k] - other[k]) * (row[k] - other[k]);
            if (d < bestDistance) { bestDistance = d; best = j; }
        }
        return best;
    }
}
