namespace StreamRisk.Core.Sentiment;

/// <summary>Weighted sums of positive and negative word scores that speak of one target.</summary>
public readonly record struct SentimentEvidence(double Positive, double Negative)
{
    public double Mass => Positive + Negative;

    /// <summary>
    /// P(neg, neu, pos): the share c = mass / (mass + halfMass) leaves "neutral" and splits between positive and
    /// negative in proportion to their evidence. Little evidence stays mostly neutral, balanced evidence gives
    /// equal P(pos) and P(neg), and the probabilities sum to 1 by construction.
    /// </summary>
    public SentimentProbabilities ToProbabilities(double halfMass)
    {
        var mass = Mass;
        if (!(mass > 0))
        {
            return new SentimentProbabilities(0, 1, 0);
        }

        var polar = mass / (mass + halfMass);
        var positive = polar * (Positive / mass);
        var negative = polar - positive;
        return new SentimentProbabilities(negative, 1 - polar, positive);
    }
}
