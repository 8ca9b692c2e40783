namespace StreamRisk.Core.Reference;

/// <summary>Parses <c>industries.csv</c>: <c>industry_id,name,sector</c> and, optionally, <c>definition</c> (what the
/// industry's companies do; issuers without industry codes are placed by their description's similarity to it).</summary>
public static class IndustryTable
{
    public const string FileName = "industries.csv";
    private static readonly string[] Columns = ["industry_id", "name", "sector"];
    private static readonly string[] OptionalColumns = ["definition"];

    public static IReadOnlyList<Industry> Parse(ReferenceFile file)
    {
        var table = CsvTable.Parse(file, Columns, "industry", OptionalColumns);
        var industries = new List<Industry>(table.Rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var id = table.Id(row, "industry_id");
            if (!seen.TryAdd(id, row.LineNumber))
            {
                throw table.Error(row, "industry_id", $"duplicate industry id '{id}' (first defined on line {seen[id]})");
            }

            industries.Add(new Industry(id, table.Required(row, "name"), table.Required(row, "sector"))
            {
                Definition = table.Optional(row, "definition"),
            });
        }

        return industries;
    }
}
