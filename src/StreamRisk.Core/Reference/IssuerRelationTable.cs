using System.Globalization;

namespace StreamRisk.Core.Reference;

/// <summary>
/// Parses <c>issuer_relations.csv</c>: <c>from_issuer_id,to_issuer_id,kind,weight</c>. Both issuers must exist and
/// differ, the kind is supplier, parent or guarantor, the weight lies in (0, 1], and each (from, to, kind) appears once.
/// </summary>
public static class IssuerRelationTable
{
    public const string FileName = "issuer_relations.csv";
    private static readonly string[] Columns = ["from_issuer_id", "to_issuer_id", "kind", "weight"];

    public static IReadOnlyList<IssuerRelation> Parse(ReferenceFile file, IReadOnlyList<Issuer> issuers)
    {
        ArgumentNullException.ThrowIfNull(issuers);
        var table = CsvTable.Parse(file, Columns, "issuer relation");
        var known = issuers.Select(i => i.IssuerId).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<(string, string, IssuerRelationKind), int>();
        var relations = new List<IssuerRelation>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            var from = Known(table, row, "from_issuer_id", known);
            var to = Known(table, row, "to_issuer_id", known);
            if (from == to)
            {
                throw table.Error(row, "to_issuer_id", $"'{to}' is related to itself; a relation joins two different issuers");
            }
            var kindText = table.Required(row, "kind");
            var kind = IssuerRelation.ParseKind(kindText)
                ?? throw table.Error(row, "kind", $"unknown kind '{kindText}'; use supplier (from supplies to), parent (from owns to) or guarantor (from guarantees to's debt)");
            var weightText = table.Required(row, "weight");
            if (!double.TryParse(weightText, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || !double.IsFinite(weight))
            {
                throw table.Error(row, "weight", $"'{weightText}' is not a number; expected a number in (0, 1] with '.' as the decimal point");
            }
            if (weight is <= 0 or > 1)
            {
                throw table.Error(row, "weight", $"{weightText} is outside (0, 1]; it is the share of a shock that reaches the related issuer");
            }
            if (!seen.TryAdd((from, to, kind), row.LineNumber))
            {
                throw table.Error(row, "kind", $"'{from}' → '{to}' ({kindText}) is already on line {seen[(from, to, kind)]}; keep one row per relation");
            }
            relations.Add(new IssuerRelation(from, to, kind, weight));
        }
        return relations;
    }

    private static string Known(CsvTable table, CsvRecord row, string column, HashSet<string> known)
    {
        var id = table.Id(row, column);
        return known.Contains(id) ? id : throw table.Error(row, column,
            $"unknown issuer '{id}' (known ids are in {IssuerTable.FileName}); remove the row, or the file if its relations belong to another issuer list");
    }
}
