namespace StreamRisk.Core.Reference;

/// <summary>Parses <c>industries.csv</c>: <c>industry_id,name,sector</c>.</summary>
public static class IndustryTable
{
    public const string FileName = "industries.csv";
    private static readonly string[] Columns = ["industry_id", "name", "sector"];

    public static IReadOnlyList<Industry> Parse(ReferenceFile file)
    {
        var table = CsvTable.Parse(file, Columns, "industry");
        var industries = new List<Industry>(table.Rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var id = table.Id(row, "industry_id");
            if (!seen.TryAdd(id, row.LineNumber))
            {
                throw table.Error(row, "industry_id", $"duplicate industry id '{id}' (first defined on line {seen[id]})");
            }

            industries.Add(new Industry(id, table.Required(row, "name"), table.Required(row, "sector")));
        }

        return industries;
    }
}
