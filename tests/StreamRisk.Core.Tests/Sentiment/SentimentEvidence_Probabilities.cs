using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Sentiment;

namespace StreamRisk.Core.Tests.Sentiment;

public class SentimentEvidence_Probabilities
{
    [Property]
    public bool Probabilities_sum_to_one(NonNegativeInt positive, NonNegativeInt negative, PositiveInt halfMass)
    {
        var p = new SentimentEvidence(positive.Get / 7.0, negative.Get / 3.0).ToProbabilities(halfMass.Get / 2.0);

        return p.Negative >= 0 && p.Positive >= 0 && p.Neutral >= 0 && Math.Abs(p.Negative + p.Neutral + p.Positive - 1) < 1e-12;
    }

    [Property]
    public bool More_positive_evidence_never_lowers_the_score(NonNegativeInt positive, NonNegativeInt negative, PositiveInt extra)
    {
        var before = new SentimentEvidence(positive.Get, negative.Get).ToProbabilities(3);
        var after = new SentimentEvidence(positive.Get + extra.Get, negative.Get).ToProbabilities(3);

        return after.Score >= before.Score;
    }

    [Property]
    public bool Balanced_evidence_has_zero_score_and_more_of_it_less_neutral(PositiveInt mass)
    {
        var small = new SentimentEvidence(mass.Get, mass.Get).ToProbabilities(3);
        var large = new SentimentEvidence(mass.Get + 1, mass.Get + 1).ToProbabilities(3);

        return Math.Abs(small.Score) < 1e-12 && large.Neutral < small.Neutral;
    }

    [Fact]
    public void No_evidence_is_fully_neutral()
    {
        Assert.Equal(new SentimentProbabilities(0, 1, 0), new SentimentEvidence(0, 0).ToProbabilities(3));
    }
}
