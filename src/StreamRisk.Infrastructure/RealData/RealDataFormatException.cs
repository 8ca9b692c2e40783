namespace StreamRisk.Infrastructure.RealData;

/// <summary>A real-data file that does not match its schema; the message names the file, line and column.</summary>
public sealed class RealDataFormatException : FormatException
{
    public RealDataFormatException(string path, int line, string? column, string problem)
        : base(column is null ? $"{path} line {line}: {problem}" : $"{path} line {line}, column '{column}': {problem}")
    {
        Path = path;
        Line = line;
        Column = column;
    }

    public string Path { get; }

    /// <summary>1-based line number (the header is line 1).</summary>
    public int Line { get; }

    public string? Column { get; }
}
