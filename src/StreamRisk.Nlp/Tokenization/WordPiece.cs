namespace StreamRisk.Nlp.Tokenization;

/// <summary>One WordPiece of a word: its id and its range inside the (normalised) word.</summary>
public readonly record struct WordPiece(int Id, int Offset, int Length, bool IsContinuation);
