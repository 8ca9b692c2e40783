namespace StreamRisk.RiskModels.Default.Features;

/// <summary>
/// The text-embedding MLP's input (seed document 004): the tabular row followed by each disclosure chapter's mean
/// embedding over the newest <see cref="DefaultTabularFeatures.TextWindow"/> statements (zeros when the chapter had no
/// text there). Training and serving both build rows here, so a served model reads what it was trained on.
/// </summary>
public static class ChapterEmbeddingFeatures
{
    /// <summary>Names of the appended columns in order: <c>emb_CHAPTER_D</c>.</summary>
    public static IEnumerable<string> Names(IReadOnlyList<string> chapters, int dimension) =>
        chapters.SelectMany(c => Enumerable.Range(0, dimension).Select(d => $"emb_{c}_{d}"));

    public static double[] Append(double[] tabular, DefaultExample example, int chapters, int dimension)
    {
        ArgumentNullException.ThrowIfNull(tabular);
        ArgumentNullException.ThrowIfNull(example);
        var result = new double[tabular.Length + chapters * dimension];
        tabular.CopyTo(result, 0);
        for (var c = 0; c < chapters; c++)
        {
            var n = 0;
            foreach (var quarter in example.Quarters.TakeLast(DefaultTabularFeatures.TextWindow))
            {
                if (c >= quarter.Chapters.Length || quarter.Chapters[c] is not { } vector) continue;
                if (vector.Length != dimension)
                    throw new ArgumentException($"issuer {example.IssuerId}: chapter {c} has a {vector.Length}-dimensional embedding, the model reads {dimension}");
                for (var d = 0; d < dimension; d++) result[tabular.Length + c * dimension + d] += vector[d];
                n++;
            }
            for (var d = 0; n > 0 && d < dimension; d++) result[tabular.Length + c * dimension + d] /= n;
        }
        return result;
    }
}
