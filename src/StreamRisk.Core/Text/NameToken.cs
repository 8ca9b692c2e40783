namespace StreamRisk.Core.Text;

/// <summary>A word of the folded text as fuzzy linking sees it.</summary>
/// <param name="Cover">0: not part of an exact mention; 1: inside a suffix-less variant match; 2: inside any other exact mention.</param>
internal readonly record struct NameToken(int Start, int End, bool Capitalised, bool Common, bool Connector, byte Cover);
