using System.Globalization;
using StreamRisk.RiskModels.Artifacts;

namespace StreamRisk.RiskModels.Default;

/// <summary>
/// Quarterly macro indicators by name (a simulated market's <c>macro.csv</c>: <c>year,quarter,NAME,…</c>). A day reads
/// its own quarter's values; a quarter or name the table lacks reads NaN, which the models treat as the training mean.
/// </summary>
public sealed class MacroTable
{
    private readonly Dictionary<(int Year, int Quarter), double[]> _rows;
    private readonly Dictionary<string, int> _columns;

    public MacroTable(IReadOnlyList<string> names, IReadOnlyDictionary<(int Year, int Quarter), double[]> rows)
    {
        Names = names;
        _columns = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        _rows = rows.ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    /// <summary>An empty table: every value NaN.</summary>
    public static MacroTable None { get; } = new([], new Dictionary<(int, int), double[]>());

    public IReadOnlyList<string> Names { get; }

    /// <summary>The values of <paramref name="names"/> in <paramref name="day"/>'s quarter, NaN where unknown.</summary>
    public double[] At(DateOnly day, IReadOnlyList<string> names)
    {
        var values = new double[names.Count];
        _rows.TryGetValue((day.Year, (day.Month + 2) / 3), out var row);
        for (var i = 0; i < names.Count; i++)
        {
            values[i] = row is not null && _columns.TryGetValue(names[i], out var c) ? row[c] : double.NaN;
        }
        return values;
    }

    /// <summary>Reads <c>year,quarter,NAME,…</c>; a malformed file fails naming the file, line and column.</summary>
    public static MacroTable Load(string path)
    {
        if (!File.Exists(path)) throw new ModelArtifactException($"{path}: no macro file there (give a simulated market's macro.csv)");
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) throw new ModelArtifactException($"{path}: empty; expected a header 'year,quarter,NAME,...'");
        var header = lines[0].Split(',');
        if (header.Length < 3 || header[0] != "year" || header[1] != "quarter")
        {
            throw new ModelArtifactException($"{path}:1: header must start with 'year,quarter' and name at least one indicator (was '{lines[0]}')");
        }
        var rows = new Dictionary<(int, int), double[]>();
        for (var l = 1; l < lines.Length; l++)
        {
            if (lines[l].Length == 0) continue;
            var cells = lines[l].Split(',');
            if (cells.Length != header.Length) throw new ModelArtifactException($"{path}:{l + 1}: {cells.Length} columns, the header has {header.Length}");
            if (!int.TryParse(cells[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var year)
                || !int.TryParse(cells[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var quarter) || quarter is < 1 or > 4)
            {
                throw new ModelArtifactException($"{path}:{l + 1}: year and quarter (1-4) must be integers (was '{cells[0]},{cells[1]}')");
            }
            var values = new double[header.Length - 2];
            for (var c = 2; c < cells.Length; c++)
            {
                if (!double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out values[c - 2]) || !double.IsFinite(values[c - 2]))
                {
                    throw new ModelArtifactException($"{path}:{l + 1}: column '{header[c]}' is not a finite number (was '{cells[c]}')");
                }
            }
            rows[(year, quarter)] = values;
        }
        return new MacroTable(header[2..], rows);
    }
}
