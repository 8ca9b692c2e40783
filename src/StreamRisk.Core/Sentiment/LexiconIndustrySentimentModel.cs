namespace StreamRisk.Core.Sentiment;

/// <summary>
/// Built-in industry-level scorer for texts that name no issuer: the same lexicon, negation and intensifiers as
/// <see cref="LexiconFirmSentimentModel"/>, over every sentence. The tone is the mean of the scores of the sentences
/// that carry any sentiment word (a text of ten neutral sentences and one bad one is bad, not one tenth bad);
/// each sentence scores P(pos) − P(neg) of its own evidence, so the result lies in [−1, 1].
/// </summary>
public sealed class LexiconIndustrySentimentModel : IIndustrySentimentModel
{
    [ThreadStatic]
    private static ScopedValence? t_scratch;

    [ThreadStatic]
    private static double[]? t_sentences;

    private readonly SentimentLexicon _lexicon;
    private readonly LexiconSentimentOptions _options;

    public LexiconIndustrySentimentModel(SentimentLexicon? lexicon = null, LexiconSentimentOptions? options = null)
    {
        _lexicon = lexicon ?? SentimentLexicon.BuiltIn;
        _options = options ?? LexiconSentimentOptions.Default;
    }

    public string ModelId => "lexicon-industry/1";

    public double Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var valence = t_scratch ??= new ScopedValence();
        valence.Analyse(text, [], _lexicon, _options);
        var sentences = valence.SentenceCount;
        if (t_sentences is null || t_sentences.Length < 2 * sentences)
        {
            t_sentences = new double[Math.Max(64, 4 * sentences)];
        }

        var positive = t_sentences.AsSpan(0, sentences);
        var negative = t_sentences.AsSpan(sentences, sentences);
        valence.EvidenceBySentence(positive, negative);
        double sum = 0;
        var counted = 0;
        for (var s = 0; s < sentences; s++)
        {
            var evidence = new SentimentEvidence(positive[s], negative[s]);
            if (evidence.Mass > 0)
            {
                sum += evidence.ToProbabilities(_options.EvidenceHalfMass).Score;
                counted++;
            }
        }

        return counted == 0 ? 0 : Math.Clamp(sum / counted, -1, 1);
    }
}
