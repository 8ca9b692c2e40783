using System.Text.RegularExpressions;
using StreamRisk.Nlp.Training.Data;

namespace StreamRisk.Nlp.Training.Evaluation;

/// <summary>The simple baseline every trained sentiment model is reported next to: multinomial naive Bayes on lower-cased
/// word unigrams and bigrams with add-one smoothing, trained on the same training rows. It ignores the issuer.</summary>
public sealed partial class NaiveBayesBaseline
{
    private readonly Dictionary<string, int>[] _counts;
    private readonly double[] _totals;
    private readonly double[] _logPrior;
    private readonly int _vocabulary;

    private NaiveBayesBaseline(Dictionary<string, int>[] counts, double[] totals, double[] logPrior, int vocabulary)
    {
        _counts = counts;
        _totals = totals;
        _logPrior = logPrior;
        _vocabulary = vocabulary;
    }

    public static NaiveBayesBaseline Train(IEnumerable<LabelledText> rows)
    {
        var k = SentimentClasses.Count;
        var counts = Enumerable.Range(0, k).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var totals = new double[k];
        var docs = new double[k];
        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            docs[row.Label]++;
            foreach (var f in Features(row.Text))
            {
                counts[row.Label][f] = counts[row.Label].GetValueOrDefault(f) + 1;
                totals[row.Label]++;
                vocabulary.Add(f);
            }
        }
        var n = docs.Sum();
        return new NaiveBayesBaseline(counts, totals, docs.Select(d => Math.Log((d + 1) / (n + k))).ToArray(), vocabulary.Count);
    }

    public double[] Predict(string text)
    {
        var k = SentimentClasses.Count;
        var score = (double[])_logPrior.Clone();
        foreach (var f in Features(text))
            for (var c = 0; c < k; c++)
                score[c] += Math.Log((_counts[c].GetValueOrDefault(f) + 1) / (_totals[c] + _vocabulary + 1));
        var max = score.Max();
        var sum = 0.0;
        for (var c = 0; c < k; c++) sum += score[c] = Math.Exp(score[c] - max);
        for (var c = 0; c < k; c++) score[c] /= sum;
        return score;
    }

    private static IEnumerable<string> Features(string text)
    {
        string? previous = null;
        foreach (Match m in Word().Matches(text.ToLowerInvariant()))
        {
            yield return m.Value;
            if (previous is not null) yield return previous + " " + m.Value;
            previous = m.Value;
        }
    }

    [GeneratedRegex(@"[\p{L}\p{N}$%]+(?:['.][\p{L}\p{N}]+)*")]
    private static partial Regex Word();
}
