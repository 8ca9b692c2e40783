using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Graph;

/// <summary>
/// One issuer a shock to <c>Path[0]</c> reaches: after <see cref="Hops"/> relations, with <see cref="Weight"/> =
/// Π(relation weights) × decay^hops, along <see cref="Path"/> (issuer ids from the source to <see cref="IssuerId"/>,
/// both included) over relations of <see cref="Kinds"/> (one per hop).
/// </summary>
public sealed record SpilloverReach(string IssuerId, int Hops, double Weight, IReadOnlyList<string> Path, IReadOnlyList<IssuerRelationKind> Kinds)
{
    /// <summary><c>a -supplier-> b -parent-> c</c>: the path as the event and the docs write it.</summary>
    public string Describe()
    {
        var text = new System.Text.StringBuilder(Path[0]);
        for (var i = 0; i < Kinds.Count; i++)
        {
            text.Append(" -").Append(IssuerRelation.KindName(Kinds[i])).Append("- ").Append(Path[i + 1]);
        }
        return text.ToString();
    }

    /// <summary>Same issuer, path and kinds, weights equal to the last bits (records compare lists by reference).</summary>
    public bool SameAs(SpilloverReach other) =>
        IssuerId == other.IssuerId && Hops == other.Hops && Weight.Equals(other.Weight)
        && Path.SequenceEqual(other.Path, StringComparer.Ordinal) && Kinds.SequenceEqual(other.Kinds);
}
