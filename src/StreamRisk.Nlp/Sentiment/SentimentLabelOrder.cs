namespace StreamRisk.Nlp.Sentiment;

/// <summary>Where negative, neutral and positive sit in a model's outputs (FinBERT, for one, puts positive first).</summary>
public readonly record struct SentimentLabelOrder(int Negative, int Neutral, int Positive)
{
    public static SentimentLabelOrder From(IReadOnlyList<string> labels) => new(
        IndexOf(labels, "negative"), IndexOf(labels, "neutral"), IndexOf(labels, "positive"));

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++)
            if (string.Equals(labels[i], label, StringComparison.OrdinalIgnoreCase)) return i;
        throw new ArgumentException($"labels [{string.Join(", ", labels)}] lack '{label}'");
    }
}
