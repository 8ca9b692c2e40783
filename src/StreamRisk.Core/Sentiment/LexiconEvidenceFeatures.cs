namespace StreamRisk.Core.Sentiment;

/// <summary>
/// The word-list scorer's evidence about an issuer as model input features: ln(1 + positive mass), ln(1 + negative
/// mass). A trained model that reads them (ONNX input <c>lexicon_evidence</c>) gets the scorer's negation, scope and
/// credit-term rules beside its own reading of the tokens; training and serving compute them with this one function.
/// </summary>
public static class LexiconEvidenceFeatures
{
    public const int Count = 2;

    public static (double Positive, double Negative) Of(SentimentEvidence evidence) =>
        (Math.Log(1 + Math.Max(0, evidence.Positive)), Math.Log(1 + Math.Max(0, evidence.Negative)));

    public static void Write(SentimentEvidence evidence, Span<float> features)
    {
        var (positive, negative) = Of(evidence);
        features[0] = (float)positive;
        features[1] = (float)negative;
    }
}
