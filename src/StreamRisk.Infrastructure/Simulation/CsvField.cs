namespace StreamRisk.Infrastructure.Simulation;

/// <summary>RFC 4180 quoting for one CSV field: quoted only when it holds a comma, quote or line break.</summary>
public static class CsvField
{
    public static string Quote(string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0) return value;
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
