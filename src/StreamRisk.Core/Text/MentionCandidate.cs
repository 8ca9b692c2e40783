namespace StreamRisk.Core.Text;

/// <summary>A span of the folded text linked to an issuer (index into the gazetteer, -1 when ambiguous).</summary>
internal readonly record struct MentionCandidate(int Start, int End, int Issuer, IssuerNameKind Kind, bool Fuzzy, double Similarity)
{
    public int Length => End - Start;
}
