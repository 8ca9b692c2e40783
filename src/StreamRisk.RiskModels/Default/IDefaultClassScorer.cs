using StreamRisk.Core.Events;

namespace StreamRisk.RiskModels.Default;

/// <summary>A trained default-class model as the score stage serves it: one issuer at one origin → class probabilities
/// with their explanation. Implementations are immutable and safe to call from one stage thread.</summary>
public interface IDefaultClassScorer
{
    /// <summary><c>name@version</c>, written into every score.</summary>
    string Version { get; }

    /// <summary>The newest quarters the model reads.</summary>
    int Steps { get; }

    /// <summary>The macro indicators the model reads, in its order.</summary>
    IReadOnlyList<string> MacroNames { get; }

    ClassModelScore Score(DefaultExample example);
}

/// <summary>Class probabilities (summing to 1) and why.</summary>
public sealed record ClassModelScore(double PPerforming, double PExtended, double PDefaulted, RiskClassExplanation Explanation);
