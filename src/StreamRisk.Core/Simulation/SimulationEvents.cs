using StreamRisk.Core.Events;

namespace StreamRisk.Core.Simulation;

/// <summary>One thing the simulated market emits, in arrival order. <see cref="Day"/> is the arrival day.</summary>
public abstract record SimulationEvent(DateOnly Day);

/// <summary>A news text as delivered, with the truth about whom it concerns and which way.</summary>
public sealed record NewsArrived(DateOnly Day, RawNews News, IReadOnlyList<TextPolarity> Truth) : SimulationEvent(Day);

/// <summary>An issuer's own disclosure text ("risk factors", "important notice").</summary>
public sealed record DisclosureFiled(DateOnly Day, RawNews Disclosure, TextPolarity Truth) : SimulationEvent(Day);

/// <summary>A quarterly statement as disclosed (possibly late; skipped quarters never appear).</summary>
public sealed record StatementFiled(DateOnly Day, Fundamentals Statement) : SimulationEvent(Day);

/// <summary>An issuer's end-of-day credit spread.</summary>
public sealed record SpreadQuoted(DateOnly Day, SpreadObservation Spread) : SimulationEvent(Day);

/// <summary>Ground truth: an active issuer's latent credit quality at the end of a trading day (higher is safer).</summary>
public sealed record LatentObserved(DateOnly Day, string IssuerId, double LatentCredit) : SimulationEvent(Day);

/// <summary>Ground truth: an issuer crossed the extension or default threshold on <see cref="SimulationEvent.Day"/>.</summary>
public sealed record OutcomeReached(DateOnly Day, string IssuerId, RiskClass Class) : SimulationEvent(Day);

/// <summary>Ground truth: an issuer's final class after the last day (performing issuers get the end day).</summary>
public sealed record FinalOutcome(DateOnly Day, string IssuerId, RiskClass Class) : SimulationEvent(Day);

/// <summary>What kind of text a simulated document is.</summary>
public enum TextKind
{
    Single,
    Pair,
    Industry,
    Rumour,
    RumourDenial,
    Duplicate,
    Noise,
    RiskFactors,
    ImportantNotice,
}

/// <summary>Ground truth for one (document, target) pair: the tone the text takes towards an issuer or an industry.</summary>
/// <param name="IssuerId">Target issuer, or null for issuer-free texts.</param>
/// <param name="IndustryId">Target industry for industry texts, else null.</param>
/// <param name="TopicId">The topic of an industry text, else null.</param>
/// <param name="Polarity">−1, 0 or +1.</param>
/// <param name="Late">Published well before it arrived.</param>
/// <param name="OriginalDocId">For duplicates and rumour denials, the doc they repeat or deny.</param>
public sealed record TextPolarity(
    string DocId,
    string? IssuerId,
    string? IndustryId,
    string? TopicId,
    int Polarity,
    TextKind Kind,
    bool Late,
    string? OriginalDocId);
