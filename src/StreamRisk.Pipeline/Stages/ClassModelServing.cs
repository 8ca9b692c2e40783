using System.Diagnostics;
using StreamRisk.Core.Events;
using StreamRisk.Core.Scoring;
using StreamRisk.RiskModels.Default;

namespace StreamRisk.Pipeline.Stages;

/// <summary>
/// A trained default-class model in the score stage (<c>--risk-model</c>): it replaces <c>baseline-v1</c>'s class
/// probabilities with its own and their explanation, from the issuer's statements and disclosures as known on the
/// scored day. A shadow model (<c>--risk-model-shadow</c>) scores the same inputs; its answer travels on the event and
/// its disagreements are counted, but it never decides the class. An issuer that has published no statement yet keeps
/// <c>baseline-v1</c>'s score (and says so in <c>model</c>): the models never saw such an example.
/// </summary>
public sealed class ClassModelServing(
    SwappableClassModel primary,
    SwappableClassModel? shadow,
    LiveDefaultInputs inputs,
    IReadOnlyDictionary<string, string> industryOfIssuer)
{
    public LiveDefaultInputs Inputs => inputs;

    /// <summary>The baseline's score with the served model's probabilities, class, version and explanation.</summary>
    public RiskScore Apply(RiskScore baseline, PipelineCounters counters)
    {
        var model = primary.Refresh();
        var industry = industryOfIssuer.GetValueOrDefault(baseline.IssuerId) ?? "";
        var example = inputs.ExampleAt(baseline.IssuerId, industry, baseline.AsOf, model);
        // The models learned from issuers with at least one statement; before its first one an issuer keeps baseline-v1.
        if (example.Quarters.Count == 0) return baseline;
        var started = Stopwatch.GetTimestamp();
        var scored = model.Score(example);
        counters.ModelCall(model.Version, Stopwatch.GetElapsedTime(started), 1);
        var riskClass = RiskClasses.MostProbable(scored.PPerforming, scored.PExtended, scored.PDefaulted);
        var score = baseline with
        {
            PPerforming = scored.PPerforming,
            PExtended = scored.PExtended,
            PDefaulted = scored.PDefaulted,
            RiskClass = riskClass,
            Model = model.Version,
            ClassExplanation = scored.Explanation,
        };
        if (shadow is null) return score;

        var shadowModel = shadow.Refresh();
        var other = shadowModel.Score(shadowModel.Steps == model.Steps && shadowModel.MacroNames.SequenceEqual(model.MacroNames)
            ? example : inputs.ExampleAt(baseline.IssuerId, industry, baseline.AsOf, shadowModel));
        var otherClass = RiskClasses.MostProbable(other.PPerforming, other.PExtended, other.PDefaulted);
        counters.ShadowScore(disagrees: otherClass != riskClass);
        return score with { Shadow = new ShadowRiskScore(shadowModel.Version, other.PPerforming, other.PExtended, other.PDefaulted, otherClass) };
    }
}
