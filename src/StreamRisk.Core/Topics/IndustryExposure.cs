namespace StreamRisk.Core.Topics;

/// <summary>
/// How a text's topics bear on one industry. <paramref name="Weight"/> is signed, in [−1, 1]: its sign says whether
/// good news on these topics is good (+) or bad (−) for the industry, its size how strongly the text concerns it.
/// </summary>
public readonly record struct IndustryExposure(string IndustryId, double Weight)
{
    /// <summary>How strongly the text concerns the industry: the <c>weight</c> of <c>sentiment.industry.v1</c>.</summary>
    public double Strength => Math.Abs(Weight);

    /// <summary>
    /// The text's tone as seen by the industry: the <c>score</c> of <c>sentiment.industry.v1</c>. A positive text about
    /// a topic that hurts the industry is negative for it.
    /// </summary>
    public double ToneFor(double textTone) => Weight < 0 ? -textTone : textTone;
}
