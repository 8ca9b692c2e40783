namespace StreamRisk.Nlp.Tokenization;

/// <summary>A slice of a text's tokens that fits the model, and the aspect (mention) tokens inside it.</summary>
public sealed record AspectWindow(TokenRange Tokens, IReadOnlyList<TokenRange> Aspects);
