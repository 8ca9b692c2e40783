using System.Text;

namespace StreamRisk.Infrastructure.RealData;

/// <summary>
/// Reads RFC 4180 CSV records (quoted fields, doubled quotes, line breaks inside quotes) and reports the line each
/// record starts on, so errors can point at it.
/// </summary>
public sealed class CsvRecordReader
{
    private readonly TextReader _reader;
    private readonly string _path;
    private readonly StringBuilder _field = new();
    private int _line = 1;

    public CsvRecordReader(TextReader reader, string path)
    {
        _reader = reader;
        _path = path;
    }

    /// <summary>The next record, or null at the end; <paramref name="startLine"/> is its first line.</summary>
    public List<string>? Next(out int startLine)
    {
        startLine = _line;
        if (_reader.Peek() < 0) return null;
        var fields = new List<string>();
        var quoted = false;
        var wasQuoted = false;
        _field.Clear();
        while (true)
        {
            var c = _reader.Read();
            if (c < 0)
            {
                if (quoted) throw new RealDataFormatException(_path, startLine, null, "a quoted field is never closed");
                fields.Add(_field.ToString());
                return fields;
            }

            if (quoted)
            {
                if (c == '"')
                {
                    if (_reader.Peek() == '"')
                    {
                        _reader.Read();
                        _field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n') _line++;
                    _field.Append((char)c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when _field.Length == 0 && !wasQuoted:
                    quoted = true;
                    wasQuoted = true;
                    break;
                case '"':
                    throw new RealDataFormatException(_path, _line, null, $"stray quote in field {fields.Count + 1}");
                case ',':
                    fields.Add(_field.ToString());
                    _field.Clear();
                    wasQuoted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    _line++;
                    fields.Add(_field.ToString());
                    return fields;
                default:
                    if (wasQuoted) throw new RealDataFormatException(_path, _line, null, $"text after a closing quote in field {fields.Count + 1}");
                    _field.Append((char)c);
                    break;
            }
        }
    }
}
