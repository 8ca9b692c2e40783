namespace StreamRisk.Core.Reference;

/// <summary>
/// A CSV file whose header must hold exactly the expected columns (in any order) and may hold optional ones, with field
/// access that reports missing or malformed values by file, line and column.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columnIndex;

    private CsvTable(string fileName, IReadOnlyList<CsvRecord> rows, Dictionary<string, int> columnIndex)
    {
        FileName = fileName;
        Rows = rows;
        _columnIndex = columnIndex;
    }

    public string FileName { get; }

    /// <summary>The data records, header excluded, each with the field count the header promises.</summary>
    public IReadOnlyList<CsvRecord> Rows { get; }

    /// <param name="what">What one row describes ("industry", "topic"), for the message when there are none.</param>
    /// <param name="optionalColumns">Columns the header may leave out (older files); <see cref="Optional"/> reads them as empty then.</param>
    public static CsvTable Parse(ReferenceFile file, IReadOnlyList<string> columns, string what, IReadOnlyList<string>? optionalColumns = null)
    {
        var records = CsvParser.Parse(file);
        optionalColumns ??= [];
        var expected = $"'{string.Join(',', columns)}'";
        if (optionalColumns.Count > 0)
        {
            expected += $" (optionally also '{string.Join(',', optionalColumns)}')";
        }
        if (records.Count == 0)
        {
            throw new ReferenceDataException(file.Name, null, null, $"the file is empty; expected the header {expected} and one {what} per line");
        }

        var header = records[0];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim();
            if (!columns.Contains(name) && !optionalColumns.Contains(name))
            {
                throw new ReferenceDataException(file.Name, header.LineNumber, name,
                    $"unknown column '{name}'; the header must be {expected}");
            }

            if (!index.TryAdd(name, i))
            {
                throw new ReferenceDataException(file.Name, header.LineNumber, name, $"column '{name}' appears twice; the header must be {expected}");
            }
        }

        foreach (var column in columns)
        {
            if (!index.ContainsKey(column))
            {
                throw new ReferenceDataException(file.Name, header.LineNumber, column, $"missing column '{column}'; the header must be {expected}");
            }
        }

        var rows = new List<CsvRecord>(records.Count - 1);
        for (var r = 1; r < records.Count; r++)
        {
            var record = records[r];
            if (record.Fields.Count != header.Fields.Count)
            {
                throw new ReferenceDataException(file.Name, record.LineNumber, null,
                    $"expected {header.Fields.Count} fields ({string.Join(',', header.Fields.Select(f => f.Trim()))}), found {record.Fields.Count}; wrap values that contain commas in double quotes");
            }

            rows.Add(record);
        }

        if (rows.Count == 0)
        {
            throw new ReferenceDataException(file.Name, null, null, $"no rows after the header; expected one {what} per line");
        }

        return new CsvTable(file.Name, rows, index);
    }

    /// <summary>The trimmed value, or an error when it is empty.</summary>
    public string Required(CsvRecord row, string column)
    {
        var value = Optional(row, column);
        return value.Length > 0 ? value : throw Error(row, column, "required value is empty");
    }

    /// <summary>The trimmed value; empty when the value is, or when the column is an optional one the header leaves out.</summary>
    public string Optional(CsvRecord row, string column) => _columnIndex.TryGetValue(column, out var i) ? row.Fields[i].Trim() : "";

    /// <summary>Whether the header has <paramref name="column"/> (an optional column may be absent).</summary>
    public bool Has(string column) => _columnIndex.ContainsKey(column);

    /// <summary>An identifier: non-empty, letters, digits, '_', '-' or '.' only (ids are joined with '|' and spaces elsewhere).</summary>
    public string Id(CsvRecord row, string column)
    {
        var value = Required(row, column);
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            {
                throw Error(row, column, $"'{value}' is not a valid id; use only letters, digits, '_', '-' or '.'");
            }
        }

        return value;
    }

    /// <summary>A '|'-separated list; items are trimmed and empty items dropped.</summary>
    public IReadOnlyList<string> List(CsvRecord row, string column)
    {
        var value = Optional(row, column);
        if (value.Length == 0)
        {
            return [];
        }

        var items = new List<string>();
        foreach (var part in value.Split('|'))
        {
            var item = part.Trim();
            if (item.Length > 0)
            {
                items.Add(item);
            }
        }

        return items;
    }

    public ReferenceDataException Error(CsvRecord row, string column, string problem) =>
        new(FileName, row.LineNumber, column, problem);
}
