using System.Text;
using FsCheck;
using FsCheck.Xunit;
using StreamRisk.Core.Reference;

namespace StreamRisk.Core.Tests.Reference;

public class CsvParser_RoundTrip
{
    // An RFC 4180 writer: quote only when needed, double inner quotes.
    private static string Write(IEnumerable<IReadOnlyList<string>> rows)
    {
        var sb = new StringBuilder();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(',');
                }

                var f = row[i];
                var quote = f.AsSpan().IndexOfAny(",\"\r\n\uFEFF") >= 0;
                sb.Append(quote ? "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : f);
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    [Property]
    public bool Any_fields_written_as_csv_parse_back_unchanged(NonEmptyArray<NonNull<string>[]> generated)
    {
        // A trailing constant field keeps every row non-blank (blank lines are skipped by design).
        var rows = generated.Get.Select(r => (IReadOnlyList<string>)[.. r.Select(f => f.Get), "end"]).ToList();

        var parsed = CsvParser.Parse(new ReferenceFile("p.csv", Write(rows)));

        return parsed.Count == rows.Count && parsed.Zip(rows).All(p => p.First.Fields.SequenceEqual(p.Second));
    }

    [Property]
    public bool Line_numbers_count_the_physical_lines_before_each_record(NonEmptyArray<NonNull<string>[]> generated)
    {
        var rows = generated.Get.Select(r => (IReadOnlyList<string>)[.. r.Select(f => f.Get), "end"]).ToList();
        var text = Write(rows);

        var parsed = CsvParser.Parse(new ReferenceFile("p.csv", text));

        var expectedLine = 1;
        for (var i = 0; i < rows.Count; i++)
        {
            if (parsed[i].LineNumber != expectedLine)
            {
                return false;
            }

            // Each record ends with one '\n'; a '\r' not followed by '\n' inside a quoted field is not a line break here
            // because only '\n' advances the count in quoted text.
            expectedLine += 1 + rows[i].Sum(f => f.Count(c => c == '\n'));
        }

        return true;
    }
}
