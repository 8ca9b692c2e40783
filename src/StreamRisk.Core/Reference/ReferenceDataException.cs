namespace StreamRisk.Core.Reference;

/// <summary>
/// Reference data that cannot be used as it is. The message says where (file, line, field) and what was expected,
/// so a person can fix the file without reading code.
/// </summary>
public sealed class ReferenceDataException : Exception
{
    public ReferenceDataException(string fileName, int? lineNumber, string? field, string problem)
        : base(Describe(fileName, lineNumber, field, problem))
    {
        FileName = fileName;
        LineNumber = lineNumber;
        Field = field;
        Problem = problem;
    }

    public ReferenceDataException(string fileName, string problem, Exception inner)
        : base(Describe(fileName, null, null, problem), inner)
    {
        FileName = fileName;
        Problem = problem;
    }

    /// <summary>The file as the caller named it (a full path when loaded from disk).</summary>
    public string FileName { get; }

    /// <summary>1-based line where the offending record starts; null for problems with the file as a whole.</summary>
    public int? LineNumber { get; }

    /// <summary>Column name (or 1-based position when the header is not known yet); null when no single field is at fault.</summary>
    public string? Field { get; }

    /// <summary>What is wrong and what to do, without the location prefix.</summary>
    public string Problem { get; }

    internal static string Describe(string fileName, int? lineNumber, string? field, string problem)
    {
        var where = lineNumber is { } line ? $"{fileName} line {line}" : fileName;
        if (field is not null)
        {
            where += $", field '{field}'";
        }

        return $"{where}: {problem}";
    }
}
