using System.Globalization;
using StreamRisk.Core.Reference;

namespace StreamRisk.Cli.Commands;

/// <summary>
/// Which issuers were placed in industries by their description, and where (after the run summary and the graph seed):
/// a placement is a guess from text similarity, so it is shown, never silent.
/// </summary>
internal static class PlacementLines
{
    public static void Write(ReferenceData reference) =>
        Write(reference.Placement, reference.PlacedIssuers.ToList());

    public static void Write(IssuerPlacementSummary? placement, IReadOnlyList<Issuer> placed)
    {
        if (placement is null || placed.Count == 0)
        {
            return;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"issuers placed by description ({placed.Count}; threshold {placement.Threshold}, {placement.EmbedderId}):"));
        foreach (var issuer in placed)
        {
            Console.WriteLine($"  {issuer.IssuerId}: {IssuerTable.Describe(issuer.Placement!)}");
        }
    }
}
