namespace StreamRisk.RiskModels.Default;

/// <summary>
/// How raw indicators become model inputs: v = clip((slog(x) − Mean) / Scale, ±ClipSd) with slog(x) = sign(x)·ln(1 + |x|).
/// The signed log tames the levels (millions) and the heavy-tailed ratios (interest coverage, debt to equity) without
/// losing their sign; standardising then puts every indicator on one scale, and the clip keeps the few extreme
/// quarters left after the log from dominating a batch. Mean and Scale are fitted on the real quarters of the training
/// examples only; a constant indicator keeps scale 1 (it normalises to 0), and a missing (non-finite) value becomes 0.
/// </summary>
public sealed record DefaultNormalisation(double[] Mean, double[] Scale, int Chapters, int EmbeddingDimension, double ClipSd = DefaultTensors.DefaultClipSd)
{
    public int Features => Mean.Length;

    public float Apply(double raw, int feature)
    {
        if (!double.IsFinite(raw)) return 0f;
        var v = (DefaultTensors.SignedLog(raw) - Mean[feature]) / Scale[feature];
        return (float)Math.Clamp(v, -ClipSd, ClipSd);
    }
}

/// <summary>
/// Turns <see cref="DefaultExample"/>s into the padded <see cref="DefaultBatch"/> the sequence models read: the newest
/// <c>steps</c> quarters, oldest first, right-padded, with step and chapter masks. Pure: no I/O, no randomness.
/// </summary>
public static class DefaultTensors
{
    public const double DefaultClipSd = 5;

    public static double SignedLog(double x) => Math.Sign(x) * Math.Log(1 + Math.Abs(x));

    /// <summary>Fits the normalisation on the real quarters of <paramref name="train"/> (never on validation or test).
    /// The chapter count and embedding dimension come from the data (the first quarter and the first non-empty chapter),
    /// or from <paramref name="embeddingDimension"/> when no training quarter has any text.</summary>
    public static DefaultNormalisation Fit(IReadOnlyList<DefaultExample> train, int embeddingDimension = 0, double clipSd = DefaultClipSd)
    {
        ArgumentNullException.ThrowIfNull(train);
        var first = train.SelectMany(e => e.Quarters).FirstOrDefault()
            ?? throw new ArgumentException("the training examples have no disclosed quarter: nothing to fit the normalisation on", nameof(train));
        var features = first.Financial.Length + first.Macro.Length;
        var chapters = first.Chapters.Length;
        var dimension = train.SelectMany(e => e.Quarters).SelectMany(q => q.Chapters).FirstOrDefault(c => c is not null)?.Length ?? embeddingDimension;
        if (dimension < 1) throw new ArgumentException("no training quarter has a chapter text: give the embedding dimension", nameof(embeddingDimension));
        if (!(clipSd > 0)) throw new ArgumentOutOfRangeException(nameof(clipSd), clipSd, "the clip must be positive");

        var mean = new double[features];
        var m2 = new double[features];
        var n = new long[features];
        foreach (var e in train)
        {
            foreach (var q in e.Quarters)
            {
                CheckQuarter(e, q, features, chapters, dimension);
                for (var f = 0; f < features; f++)
                {
                    var raw = f < q.Financial.Length ? q.Financial[f] : q.Macro[f - q.Financial.Length];
                    if (!double.IsFinite(raw)) continue;
                    var v = SignedLog(raw);
                    n[f]++;
                    var delta = v - mean[f];
                    mean[f] += delta / n[f];
                    m2[f] += delta * (v - mean[f]);
                }
            }
        }
        var scale = new double[features];
        for (var f = 0; f < features; f++) scale[f] = n[f] > 1 && m2[f] / (n[f] - 1) > 1e-18 ? Math.Sqrt(m2[f] / (n[f] - 1)) : 1.0;
        return new DefaultNormalisation(mean, scale, chapters, dimension, clipSd);
    }

    /// <summary>The batch of <paramref name="examples"/>: each one's newest <paramref name="steps"/> quarters, oldest first,
    /// right-padded; labels filled (0 performing, 1 extended, 2 defaulted).</summary>
    /// <paramref name="text"/> false leaves <see cref="DefaultBatch.Text"/> and <see cref="DefaultBatch.ChapterMask"/> empty
    /// (a numbers-only model, or a trainer that fills text per mini-batch: 4,096-wide embeddings of every example do not fit in memory).
    public static DefaultBatch Build(IReadOnlyList<DefaultExample> examples, DefaultNormalisation normalisation, int steps, bool text = true)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(normalisation);
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, "at least one step");
        var (f, c, d) = (normalisation.Features, normalisation.Chapters, normalisation.EmbeddingDimension);
        var size = examples.Count;
        var batch = new DefaultBatch
        {
            Size = size, Steps = steps, Features = f, Chapters = c, EmbeddingDimension = d,
            Values = new float[(long)size * steps * f], Elapsed = new float[size * steps], StepMask = new float[size * steps],
            Text = text ? new float[(long)size * steps * c * d] : [], ChapterMask = text ? new float[(long)size * steps * c] : [],
            Labels = new int[size],
        };
        for (var i = 0; i < size; i++)
        {
            Fill(examples[i], normalisation, steps, batch, i);
            batch.Labels[i] = (int)examples[i].Label;
        }
        return batch;
    }

    /// <summary>Writes example <paramref name="e"/> into row <paramref name="row"/> of <paramref name="batch"/> (which must be zeroed there).</summary>
    public static void Fill(DefaultExample e, DefaultNormalisation normalisation, int steps, DefaultBatch batch, int row)
    {
        var (f, c, d) = (normalisation.Features, normalisation.Chapters, normalisation.EmbeddingDimension);
        var quarters = e.Quarters;
        var skip = Math.Max(0, quarters.Count - steps);
        for (var t = 0; t + skip < quarters.Count; t++)
        {
            var q = quarters[t + skip];
            CheckQuarter(e, q, f, c, d);
            var at = (long)row * steps + t;
            batch.StepMask[at] = 1;
            // The oldest kept quarter's Δt still says how long ago its predecessor was, even if that one was cut off.
            batch.Elapsed[at] = (float)Math.Max(0, q.MonthsSincePrevious);
            for (var k = 0; k < f; k++)
            {
                var raw = k < q.Financial.Length ? q.Financial[k] : q.Macro[k - q.Financial.Length];
                batch.Values[at * f + k] = normalisation.Apply(raw, k);
            }
            for (var k = 0; k < c && batch.Text.Length > 0; k++)
            {
                var text = q.Chapters[k];
                if (text is null) continue;
                batch.ChapterMask[at * c + k] = 1;
                text.AsSpan().CopyTo(batch.Text.AsSpan((int)((at * c + k) * d), d));
            }
        }
    }

    private static void CheckQuarter(DefaultExample e, DisclosedQuarter q, int features, int chapters, int dimension)
    {
        if (q.Financial.Length + q.Macro.Length != features)
            throw new ArgumentException($"issuer {e.IssuerId} at {e.Origin:yyyy-MM-dd}: quarter {q.PeriodEnd:yyyy-MM-dd} has {q.Financial.Length}+{q.Macro.Length} indicators, expected {features}");
        if (q.Chapters.Length != chapters)
            throw new ArgumentException($"issuer {e.IssuerId} at {e.Origin:yyyy-MM-dd}: quarter {q.PeriodEnd:yyyy-MM-dd} has {q.Chapters.Length} chapters, expected {chapters}");
        foreach (var text in q.Chapters)
        {
            if (text is not null && text.Length != dimension)
                throw new ArgumentException($"issuer {e.IssuerId} at {e.Origin:yyyy-MM-dd}: quarter {q.PeriodEnd:yyyy-MM-dd} has a chapter embedding of {text.Length} values, expected {dimension}");
        }
    }
}
