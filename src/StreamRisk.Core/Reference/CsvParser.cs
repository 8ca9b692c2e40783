using System.Text;

namespace StreamRisk.Core.Reference;

/// <summary>
/// RFC 4180 CSV: comma separated, fields optionally wrapped in double quotes, a doubled quote inside quotes is one
/// quote, quoted fields may hold commas and line breaks. LF and CRLF line ends; a leading BOM and blank lines are
/// ignored. Strict on malformed quoting, because a silently mis-split row would shift every later column.
/// </summary>
public static class CsvParser
{
    public static IReadOnlyList<CsvRecord> Parse(ReferenceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var text = file.Text;
        var records = new List<CsvRecord>();
        var field = new StringBuilder();
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var line = 1;
        IReadOnlyList<string>? header = null;

        while (i < text.Length)
        {
            var recordLine = line;
            var fields = new List<string>();
            while (true)
            {
                field.Clear();
                if (i < text.Length && text[i] == '"')
                {
                    i = ReadQuoted(file, text, i + 1, field, ref line, recordLine, FieldName(header, fields.Count));
                    if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        throw new ReferenceDataException(file.Name, line, FieldName(header, fields.Count),
                            $"unexpected character '{text[i]}' after a closing quote; inside a quoted field write a quote as two quotes (\"\")");
                    }
                }
                else
                {
                    while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        if (text[i] == '"')
                        {
                            throw new ReferenceDataException(file.Name, line, FieldName(header, fields.Count),
                                "a quote inside an unquoted field; wrap the whole field in quotes and write the quote as two quotes (\"\")");
                        }

                        field.Append(text[i++]);
                    }
                }

                fields.Add(field.ToString());
                if (i < text.Length && text[i] == ',')
                {
                    i++;
                    continue;
                }

                // End of record: CRLF, LF, lone CR or end of text.
                if (i < text.Length && text[i] == '\r')
                {
                    i++;
                }

                if (i < text.Length && text[i] == '\n')
                {
                    i++;
                }

                line++;
                break;
            }

            var blank = fields.Count == 1 && fields[0].Length == 0;
            if (!blank)
            {
                var record = new CsvRecord(recordLine, fields);
                header ??= fields;
                records.Add(record);
            }
        }

        return records;
    }

    private static int ReadQuoted(ReferenceFile file, string text, int i, StringBuilder field, ref int line, int recordLine, string fieldName)
    {
        var openedOn = line;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            if (c == '\n')
            {
                line++;
            }

            field.Append(c);
            i++;
        }

        throw new ReferenceDataException(file.Name, recordLine, fieldName,
            $"a quoted field opened on line {openedOn} is never closed; add the closing quote (\")");
    }

    private static string FieldName(IReadOnlyList<string>? header, int index) =>
        header is not null && index < header.Count ? header[index].Trim() : (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
