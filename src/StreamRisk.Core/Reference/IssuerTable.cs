using System.Globalization;
using StreamRisk.Core.Graph;

namespace StreamRisk.Core.Reference;

/// <summary>
/// Parses an issuer file: <c>issuer_id,legal_name,aliases,tickers,industries</c>, the last three '|'-separated, and
/// optionally <c>description</c> (its business in a sentence or two). Each issuer needs at least one industry or a
/// description (an issuer listed without industries is placed by its description: <see cref="Graph.IssuerPlacement"/>,
/// which <see cref="ReferenceDataParser"/> runs), and every industry must exist in the industry list. Names too short to
/// match safely and names several issuers share load with a warning (<see cref="IssuerNameChecks"/>).
/// </summary>
public static class IssuerTable
{
    public const string FileName = "issuers.csv";
    private static readonly string[] Columns = ["issuer_id", "legal_name", "aliases", "tickers", "industries"];
    private static readonly string[] OptionalColumns = ["description"];

    /// <param name="warnings">Receives the name warnings (file, line, what was done); null to discard them.</param>
    /// <param name="placement">How issuers without industries are placed by description; null for the defaults.</param>
    public static IReadOnlyList<Issuer> Parse(ReferenceFile file, IReadOnlyList<Industry> industries, ICollection<ReferenceDataWarning>? warnings = null,
        IssuerPlacementOptions? placement = null)
    {
        ArgumentNullException.ThrowIfNull(industries);
        var table = CsvTable.Parse(file, Columns, "issuer", OptionalColumns);
        var industryIds = new HashSet<string>(industries.Count, StringComparer.Ordinal);
        foreach (var industry in industries)
        {
            industryIds.Add(industry.IndustryId);
        }

        var issuers = new List<(Issuer, int)>(table.Rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var id = table.Id(row, "issuer_id");
            if (!seen.TryAdd(id, row.LineNumber))
            {
                throw table.Error(row, "issuer_id", $"duplicate issuer id '{id}' (first defined on line {seen[id]})");
            }

            var legalName = table.Required(row, "legal_name");
            var issuerIndustries = table.List(row, "industries");
            var description = table.Optional(row, "description");
            if (issuerIndustries.Count == 0 && description.Length == 0)
            {
                throw table.Error(row, "industries", table.Has("description")
                    ? $"issuer '{id}' has neither an industry nor a description; list its industry ids separated by '|', main one first, or write what it does in its 'description' field so it can be placed by similarity to the industry definitions"
                    : $"issuer '{id}' has no industry; list its industry ids separated by '|', main one first (or add a 'description' column with what it does, so it can be placed by similarity to the industry definitions)");
            }

            for (var i = 0; i < issuerIndustries.Count; i++)
            {
                var industryId = issuerIndustries[i];
                if (!industryIds.Contains(industryId))
                {
                    throw table.Error(row, "industries", $"unknown industry '{industryId}' (known ids are in {IndustryTable.FileName})");
                }

                for (var j = 0; j < i; j++)
                {
                    if (issuerIndustries[j] == industryId)
                    {
                        throw table.Error(row, "industries", $"industry '{industryId}' is listed twice");
                    }
                }
            }

            issuers.Add((new Issuer(id, legalName, table.List(row, "aliases"), table.List(row, "tickers"), issuerIndustries)
            {
                Description = description.Length > 0 ? description : null,
            }, row.LineNumber));
        }

        Place(file.Name, issuers, industries, placement ?? IssuerPlacementOptions.Default);
        return IssuerNameChecks.Apply(file.Name, issuers, warnings);
    }

    /// <summary>Replaces each issuer listed without industries by one placed by its description.</summary>
    private static void Place(string fileName, List<(Issuer Issuer, int Line)> issuers, IReadOnlyList<Industry> industries, IssuerPlacementOptions options)
    {
        if (issuers.TrueForAll(i => i.Issuer.IndustryIds.Count > 0))
        {
            return;
        }

        if (options.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var embedder = options.Embedder ?? IssuerPlacement.BuiltInEmbedder(industries);
        var vectors = IssuerPlacement.IndustryVectors(industries, embedder);
        for (var k = 0; k < issuers.Count; k++)
        {
            var (issuer, line) = issuers[k];
            if (issuer.IndustryIds.Count > 0)
            {
                continue;
            }

            var placed = IssuerPlacement.Place(embedder.Embed(issuer.Description!), vectors, options.Threshold);
            if (placed.Count == 0 || !(placed[0].Similarity > 0))
            {
                throw new ReferenceDataException(fileName, line, "description",
                    $"the description of '{issuer.IssuerId}' shares no word with any industry definition ({IndustryTable.FileName}), so it cannot be placed; "
                    + "say what the issuer makes or sells in more words, or list its industry ids in 'industries'");
            }

            issuers[k] = (issuer with { IndustryIds = placed.Select(p => p.IndustryId).ToList(), Placement = placed }, line);
        }
    }

    /// <summary>"steel 0.31, chemicals 0.14": an issuer's placement, for summaries and logs.</summary>
    public static string Describe(IReadOnlyList<PlacedIndustry> placement) =>
        string.Join(", ", placement.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.IndustryId} {p.Similarity:0.00}")));
}
