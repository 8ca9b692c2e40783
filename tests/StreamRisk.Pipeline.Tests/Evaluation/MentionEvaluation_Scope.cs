using StreamRisk.Core.Events;
using StreamRisk.Core.Simulation;
using StreamRisk.Pipeline.Evaluation;

namespace StreamRisk.Pipeline.Tests.Evaluation;

public sealed class MentionEvaluation_Scope
{
    private static TextPolarity Truth(string doc, string? issuer, int polarity, TextKind kind = TextKind.Single) =>
        new(doc, issuer, null, null, polarity, kind, false, null);

    private static PipelineOutcome Outcome(string[] admitted, DocIssuer[] mentions, Dictionary<DocIssuer, double>? scores = null) =>
        new(admitted.ToHashSet(), mentions.ToHashSet(), scores ?? [], Array.Empty<DailySentiment>());

    [Fact]
    public void A_duplicate_that_ingest_dropped_is_neither_a_miss_nor_a_hit()
    {
        TextPolarity[] truth = [Truth("a", "I1", 1), Truth("a-dup", "I1", 1, TextKind.Duplicate), Truth("b", "I2", -1)];
        var score = MentionEvaluation.Score(truth, Outcome(["a", "b"], [new("a", "I1"), new("b", "I2")]));
        Assert.Equal((2, 0, 0), (score.TruePositives, score.FalsePositives, score.FalseNegatives));
    }

    [Fact]
    public void Disclosures_are_not_judged_and_issuer_free_texts_only_count_against_precision()
    {
        TextPolarity[] truth = [Truth("d", "I1", 0, TextKind.RiskFactors), Truth("ind", null, 1, TextKind.Industry), Truth("s", "I1", -1)];
        var score = MentionEvaluation.Score(truth, Outcome(["d", "ind", "s"], [new("d", "I1"), new("ind", "I3"), new("s", "I1")]));
        Assert.Equal((1, 1, 0), (score.TruePositives, score.FalsePositives, score.FalseNegatives));
    }

    [Fact]
    public void A_pair_linking_missed_is_a_false_negative_and_has_no_polarity_verdict()
    {
        TextPolarity[] truth = [Truth("p", "I1", 1, TextKind.Pair), Truth("p", "I2", -1, TextKind.Pair)];
        var outcome = Outcome(["p"], [new("p", "I1")], new() { [new("p", "I1")] = 0.4 });
        var score = MentionEvaluation.Score(truth, outcome);
        Assert.Equal((1, 0, 1), (score.TruePositives, score.FalsePositives, score.FalseNegatives));
        var polarity = PolarityEvaluation.Score(truth, outcome, 0.05);
        Assert.Equal(1, polarity.Total);
        Assert.Equal(1, polarity.Count(1, 1));
    }
}
