namespace StreamRisk.Pipeline.Evaluation;

/// <summary>A (document, issuer) pair: the unit both mentions and firm-level polarity are judged on.</summary>
public readonly record struct DocIssuer(string DocId, string IssuerId);
