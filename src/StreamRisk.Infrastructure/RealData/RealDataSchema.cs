namespace StreamRisk.Infrastructure.RealData;

/// <summary>The exact header and cell types a real-data CSV must have.</summary>
public sealed record RealDataSchema(string FileName, IReadOnlyList<RealDataColumn> Columns)
{
    /// <summary>
    /// Builds a schema from a compact spec: comma-separated <c>name:type</c> with type <c>n</c> (number), <c>t</c>
    /// (text) or <c>d</c> (ISO date), and a trailing <c>?</c> for columns that may be empty.
    /// </summary>
    public static RealDataSchema Parse(string fileName, string spec)
    {
        var columns = new List<RealDataColumn>();
        foreach (var part in spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.LastIndexOf(':');
            if (colon <= 0) throw new ArgumentException($"column spec '{part}' needs name:type", nameof(spec));
            var type = part[(colon + 1)..];
            var optional = type.EndsWith('?');
            columns.Add(new RealDataColumn(part[..colon], type.TrimEnd('?') switch
            {
                "n" => RealDataColumnType.Number,
                "t" => RealDataColumnType.Text,
                "d" => RealDataColumnType.Date,
                _ => throw new ArgumentException($"unknown column type '{type}' in '{part}'", nameof(spec)),
            }, optional));
        }

        return new RealDataSchema(fileName, columns);
    }
}
