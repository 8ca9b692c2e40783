namespace StreamRisk.Core.Reference;

/// <summary>One CSV record: its fields, unquoted, and the line it starts on (records may span lines inside quotes).</summary>
public sealed record CsvRecord(int LineNumber, IReadOnlyList<string> Fields);
