namespace StreamRisk.Core.Text;

/// <summary>One occurrence of pattern <see cref="Pattern"/> at [<see cref="Start"/>, <see cref="End"/>) of the searched text.</summary>
public readonly record struct AhoCorasickMatch(int Pattern, int Start, int End);
