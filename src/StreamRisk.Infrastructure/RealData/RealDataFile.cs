using System.Globalization;

namespace StreamRisk.Infrastructure.RealData;

/// <summary>Loads a real-data CSV against its schema; any mismatch throws <see cref="RealDataFormatException"/>.</summary>
public static class RealDataFile
{
    public static RealDataTable Load(string path, RealDataSchema schema)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"real-data file not found: {path}", path);
        using var text = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var reader = new CsvRecordReader(text, path);
        var header = reader.Next(out _) ?? throw new RealDataFormatException(path, 1, null, "the file is empty (expected a header)");
        CheckHeader(path, header, schema);

        var columns = schema.Columns;
        var numbers = new List<double>[columns.Count];
        var texts = new List<string?>[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            if (columns[c].Type == RealDataColumnType.Number) numbers[c] = [];
            else texts[c] = [];
        }

        var rows = 0;
        while (reader.Next(out var line) is { } record)
        {
            if (record.Count == 1 && record[0].Length == 0) continue; // a blank line (e.g. the file's last newline)
            if (record.Count != columns.Count)
                throw new RealDataFormatException(path, line, null, $"expected {columns.Count} fields, found {record.Count}");
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = record[c];
                var column = columns[c];
                if (cell.Length == 0)
                {
                    if (!column.Optional) throw new RealDataFormatException(path, line, column.Name, "missing value in a required column");
                    if (column.Type == RealDataColumnType.Number) numbers[c].Add(double.NaN);
                    else texts[c].Add(null);
                    continue;
                }

                switch (column.Type)
                {
                    case RealDataColumnType.Number:
                        if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                            throw new RealDataFormatException(path, line, column.Name, $"'{cell}' is not a number");
                        numbers[c].Add(value);
                        break;
                    case RealDataColumnType.Date:
                        if (!DateOnly.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                            throw new RealDataFormatException(path, line, column.Name, $"'{cell}' is not a yyyy-MM-dd date");
                        texts[c].Add(cell);
                        break;
                    default:
                        texts[c].Add(cell);
                        break;
                }
            }

            rows++;
        }

        if (rows == 0) throw new RealDataFormatException(path, 2, null, "no data rows after the header");
        var numberArrays = new double[columns.Count][];
        var textArrays = new string?[columns.Count][];
        for (var c = 0; c < columns.Count; c++)
        {
            numberArrays[c] = numbers[c]?.ToArray() ?? [];
            textArrays[c] = texts[c]?.ToArray() ?? [];
        }

        return new RealDataTable(schema, numberArrays, textArrays, rows);
    }

    private static void CheckHeader(string path, List<string> header, RealDataSchema schema)
    {
        for (var c = 0; c < Math.Min(header.Count, schema.Columns.Count); c++)
        {
            if (!string.Equals(header[c], schema.Columns[c].Name, StringComparison.Ordinal))
                throw new RealDataFormatException(path, 1, schema.Columns[c].Name, $"header field {c + 1} is '{header[c]}', expected '{schema.Columns[c].Name}'");
        }

        if (header.Count != schema.Columns.Count)
            throw new RealDataFormatException(path, 1, null, $"header has {header.Count} columns, expected {schema.Columns.Count}");
    }
}
