namespace StreamRisk.Infrastructure.RealData;

/// <summary>A loaded, schema-checked real-data file: numbers as doubles (NaN where missing), text and dates as given.</summary>
public sealed class RealDataTable
{
    private readonly Dictionary<string, int> _index;
    private readonly double[][] _numbers;
    private readonly string?[][] _texts;

    internal RealDataTable(RealDataSchema schema, double[][] numbers, string?[][] texts, int rowCount)
    {
        Schema = schema;
        _numbers = numbers;
        _texts = texts;
        RowCount = rowCount;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < schema.Columns.Count; i++) _index[schema.Columns[i].Name] = i;
    }

    public RealDataSchema Schema { get; }

    public int RowCount { get; }

    /// <summary>Values of a number column (NaN = missing).</summary>
    public IReadOnlyList<double> Numbers(string column) =>
        _numbers[Require(column, RealDataColumnType.Number)];

    /// <summary>Values of a text column (null = missing).</summary>
    public IReadOnlyList<string?> Texts(string column) => _texts[Require(column, RealDataColumnType.Text)];

    /// <summary>Values of a date column.</summary>
    public IReadOnlyList<DateOnly> Dates(string column)
    {
        var texts = _texts[Require(column, RealDataColumnType.Date)];
        var dates = new DateOnly[texts.Length];
        for (var i = 0; i < texts.Length; i++) dates[i] = DateOnly.ParseExact(texts[i]!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return dates;
    }

    private int Require(string column, RealDataColumnType type)
    {
        if (!_index.TryGetValue(column, out var i)) throw new KeyNotFoundException($"{Schema.FileName} has no column '{column}'");
        if (Schema.Columns[i].Type != type) throw new InvalidOperationException($"{Schema.FileName} column '{column}' is {Schema.Columns[i].Type}, not {type}");
        return i;
    }
}
