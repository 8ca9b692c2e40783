namespace StreamRisk.Core.Reference;

/// <summary>
/// Parses an issuer file: <c>issuer_id,legal_name,aliases,tickers,industries</c>, the last three '|'-separated.
/// Each issuer needs at least one industry, and every industry must exist in the industry list. Names too short to match
/// safely and names several issuers share load with a warning (<see cref="IssuerNameChecks"/>).
/// </summary>
public static class IssuerTable
{
    public const string FileName = "issuers.csv";
    private static readonly string[] Columns = ["issuer_id", "legal_name", "aliases", "tickers", "industries"];

    /// <param name="warnings">Receives the name warnings (file, line, what was done); null to discard them.</param>
    public static IReadOnlyList<Issuer> Parse(ReferenceFile file, IReadOnlyList<Industry> industries, ICollection<ReferenceDataWarning>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(industries);
        var table = CsvTable.Parse(file, Columns, "issuer");
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
            if (issuerIndustries.Count == 0)
            {
                throw table.Error(row, "industries", $"issuer '{id}' has no industry; list its industry ids separated by '|', main one first");
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

            issuers.Add((new Issuer(id, legalName, table.List(row, "aliases"), table.List(row, "tickers"), issuerIndustries), row.LineNumber));
        }

        return IssuerNameChecks.Apply(file.Name, issuers, warnings);
    }
}
