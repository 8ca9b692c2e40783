namespace StreamRisk.Core.Sentiment;

/// <summary>A multi-word term, e.g. "profit warning" or the negator "failed to".</summary>
/// <param name="Score">Polarity; for a negator phrase, the score it keeps when nothing follows for it to negate.</param>
public sealed record LexiconPhrase(string[] Words, float Score, WordRole Roles);
