namespace StreamRisk.Core.Text;

/// <summary>A run of tokens [First, Last] linked to an issuer by similarity.</summary>
internal readonly record struct FuzzyWindow(int First, int Last, int Issuer, double Similarity);
