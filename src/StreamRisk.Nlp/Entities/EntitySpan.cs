namespace StreamRisk.Nlp.Entities;

/// <summary>A named entity the model found: UTF-16 range [Start, End) of the text and its type (e.g. ORG).</summary>
public readonly record struct EntitySpan(int Start, int End, string Type);
