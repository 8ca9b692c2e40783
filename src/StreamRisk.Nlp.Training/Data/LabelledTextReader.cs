using System.Text.Json;
using StreamRisk.Core.Reference;

namespace StreamRisk.Nlp.Training.Data;

/// <summary>
/// Reads labelled texts from CSV (header with <c>text</c> and <c>label</c>, optionally <c>issuer</c>) or JSON lines
/// (<c>{"text", "label", "issuer"?, "mentions"?: [[start, end], ...]}</c>). Labels: negative/neutral/positive (or
/// −1/0/1, bearish/bullish). An issuer-level row names the issuer as it is written in the text; its mentions are every
/// occurrence of that name (case-insensitive) unless JSON gives them as character offsets.
/// </summary>
public static class LabelledTextReader
{
    public static IReadOnlyList<LabelledText> Read(string path)
    {
        if (!File.Exists(path)) throw new TrainingDataException(path, null, "file not found");
        var rows = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => ReadCsv(path),
            ".jsonl" or ".ndjson" => ReadJsonLines(path),
            var other => throw new TrainingDataException(path, null, $"has the extension '{other}'; expected .csv or .jsonl"),
        };
        if (rows.Count == 0) throw new TrainingDataException(path, null, "holds no labelled rows");
        return rows;
    }

    private static List<LabelledText> ReadCsv(string path)
    {
        IReadOnlyList<CsvRecord> records;
        try
        {
            records = CsvParser.Parse(new ReferenceFile(path, File.ReadAllText(path)));
        }
        catch (ReferenceDataException e)
        {
            throw new TrainingDataException(path, null, e.Message);
        }
        if (records.Count == 0) throw new TrainingDataException(path, null, "is empty; expected a header with text,label[,issuer]");
        var header = records[0].Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var text = header.IndexOf("text");
        var label = header.IndexOf("label");
        var issuer = header.IndexOf("issuer");
        if (text < 0 || label < 0)
            throw new TrainingDataException(path, 1, $"the header is [{string.Join(",", records[0].Fields)}]; expected columns text and label (and optionally issuer)");
        var rows = new List<LabelledText>(records.Count);
        foreach (var r in records.Skip(1))
        {
            if (r.Fields.Count != header.Count)
                throw new TrainingDataException(path, r.LineNumber, $"has {r.Fields.Count} fields; the header has {header.Count}");
            rows.Add(Row(path, r.LineNumber, r.Fields[text], r.Fields[label], issuer < 0 ? null : r.Fields[issuer], null));
        }
        return rows;
    }

    private static List<LabelledText> ReadJsonLines(string path)
    {
        var rows = new List<LabelledText>();
        var line = 0;
        foreach (var raw in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(raw)) continue;
            try
            {
                using var doc = JsonDocument.Parse(raw);
                var o = doc.RootElement;
                string? Str(string name) => o.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
                    ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText() : null;
                List<MentionSpan>? mentions = null;
                if (o.TryGetProperty("mentions", out var m) && m.ValueKind == JsonValueKind.Array)
                    mentions = m.EnumerateArray().Select(p => new MentionSpan(p[0].GetInt32(), p[1].GetInt32())).ToList();
                rows.Add(Row(path, line, Str("text") ?? "", Str("label") ?? "", Str("issuer"), mentions));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or IndexOutOfRangeException)
            {
                throw new TrainingDataException(path, line, $"is not a valid record: {e.Message}; expected {{\"text\", \"label\", \"issuer\"?, \"mentions\"?: [[start, end]]}}");
            }
        }
        return rows;
    }

    private static LabelledText Row(string path, int line, string text, string label, string? issuer, List<MentionSpan>? mentions)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new TrainingDataException(path, line, "has an empty text");
        var cls = SentimentClasses.Parse(label)
            ?? throw new TrainingDataException(path, line, $"has the label '{label}'; expected negative, neutral or positive (or -1, 0, 1)");
        issuer = string.IsNullOrWhiteSpace(issuer) ? null : issuer.Trim();
        if (mentions is not null)
        {
            foreach (var s in mentions)
                if (s.Start < 0 || s.End > text.Length || s.Start >= s.End)
                    throw new TrainingDataException(path, line, $"has the mention [{s.Start}, {s.End}) outside the text's {text.Length} characters");
            return new LabelledText(text, cls, issuer, mentions, line);
        }
        if (issuer is null) return new LabelledText(text, cls, null, [], line);
        var found = Occurrences(text, issuer);
        if (found.Count == 0) throw new TrainingDataException(path, line, $"names the issuer '{issuer}', which the text does not contain; write the issuer as it appears in the text");
        return new LabelledText(text, cls, issuer, found, line);
    }

    /// <summary>Every case-insensitive occurrence of <paramref name="name"/> that starts and ends at a word boundary.</summary>
    public static List<MentionSpan> Occurrences(string text, string name) =>
        StreamRisk.Core.Text.WholeWordSearch.Occurrences(text, name).Select(o => new MentionSpan(o.Start, o.End)).ToList();
}
