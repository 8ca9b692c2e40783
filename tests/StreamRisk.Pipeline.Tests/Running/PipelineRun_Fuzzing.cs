using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamRisk.Core.Events;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Tests.Running;

/// <summary>
/// Random bytes and random damage to valid records, written as a .jsonl file and ingested by <c>streamrisk ingest</c>'s
/// run twice over one store: nothing escapes, every line is accounted for (accepted, duplicate or dead-lettered), and
/// the second run leaves the stored rows as the first left them.
/// </summary>
public class PipelineRun_Fuzzing
{
    private static readonly string[] Fields = ["doc_id", "source", "published_at", "headline", "body", "language"];
    private static readonly string[] Timestamps = ["2024-05-01T10:00:00Z", "2016-12-31T23:59:60Z", "2024-05-01 10:00:00z", "2024-05-01T12:00:00+02:00"];
    private static readonly string[] Bodies = ["Texaco rose 11 % on the news.", "Sedio fell sharply.", "Oil \u6cb9\u4ef7 prices eased."];
    private static readonly string[] Replacements = ["1", "true", "null", "[]", "{}", "\"\"", "-1e400", "\"   \"", @"""\u200b"""];
    private static readonly string[] Surrogates = [@"\ud800", @"\udc00", @"\udc00\ud800", @"\ud83d"];

    private static Gen<string> Valid =>
        from id in Gen.Choose(0, 5)
        from ts in Gen.Elements(Timestamps)
        from body in Gen.Elements(Bodies)
        from headline in Gen.Elements("null", "\"Head\"", "\"\"")
        select $$"""{"doc_id":"d{{id}}","source":"wire","published_at":"{{ts}}","headline":{{headline}},"body":"{{body}}","language":"en"}""";

    /// <summary>The value text of <paramref name="field"/> in a record made by <see cref="Valid"/>.</summary>
    private static (int Start, int End)? ValueOf(string record, string field)
    {
        var key = record.IndexOf($"\"{field}\":", StringComparison.Ordinal);
        if (key < 0) return null;
        var start = key + field.Length + 3;
        var end = record[start] == '"' ? record.IndexOf('"', start + 1) + 1 : record.IndexOfAny([',', '}'], start);
        return (start, end);
    }

    private static string Replace(string record, string field, Func<string, string> value) =>
        ValueOf(record, field) is { } v ? record[..v.Start] + value(record[v.Start..v.End]) + record[v.End..] : record;

    private static Gen<byte[]> Mutated =>
        from record in Valid
        from name in Gen.Elements(Fields)
        from choice in Gen.Choose(0, 8)
        from at in Gen.Choose(0, 10_000)
        from b in Gen.Choose(0, 255)
        from replacement in Gen.Elements(Replacements)
        from surrogate in Gen.Elements(Surrogates)
        from size in Gen.Elements(20_000, 300_000, 1_100_000)
        select choice switch
        {
            0 => Flip(Encoding.UTF8.GetBytes(record), at, (byte)b),
            1 => Encoding.UTF8.GetBytes(record[..(at % record.Length)]),
            2 => Encoding.UTF8.GetBytes(ValueOf(record, name) is { } v
                ? record[..record.IndexOf($"\"{name}\"", StringComparison.Ordinal)] + record[(v.End + 1)..].TrimStart(',')
                : record),
            3 => Encoding.UTF8.GetBytes(Replace(record, name, _ => replacement)),
            4 => Encoding.UTF8.GetBytes(Replace(record, name, v => v.Length > 1 && v[0] == '"' ? v[..^1] + surrogate + "\"" : "\"" + surrogate + "\"")),
            5 => Encoding.UTF8.GetBytes(record[..^1] + $",\"{name}\":\"dup\"}}"),
            6 => Encoding.UTF8.GetBytes(Replace(record, name, _ => "\"" + new string('x', size) + "\"")),
            7 => Encoding.UTF8.GetBytes(record[..^1] + ",\"x\":" + new string('[', at % 200) + new string(']', at % 200) + "}"),
            _ => Encoding.UTF8.GetBytes(record),
        };

    private static byte[] Flip(byte[] bytes, int at, byte value)
    {
        bytes[at % bytes.Length] = value;
        return bytes;
    }

    private static Gen<byte[]> Line => Gen.Frequency(
        (1, Gen.Choose(0, 255).Select(i => (byte)i).ArrayOf()),
        (6, Mutated));

    private static Arbitrary<byte[][]> Inputs =>
        (from first in Valid
         from rest in Line.ListOf()
         select new[] { Encoding.UTF8.GetBytes(first) }.Concat(rest.Take(40)).ToArray()).ToArbitrary();

    [Property(MaxTest = 25)]
    public Property Nothing_escapes_every_line_is_accounted_for_and_a_rerun_changes_nothing() =>
        Prop.ForAll(Inputs, lines => Task.Run(() => Check(lines)).GetAwaiter().GetResult());

    private static async Task<bool> Check(byte[][] lines)
    {
        var dir = RepositoryPaths.NewTempDirectory();
        var file = Path.Combine(dir, "news.jsonl");
        var content = lines.SelectMany(l => l.Append((byte)'\n')).ToArray();
        await File.WriteAllBytesAsync(file, content);
        var expected = CountLines(content);
        var options = new RunOptions { Inputs = [file], IngestOnly = true, DatabasePath = Path.Combine(dir, "store.db") };

        var first = await PipelineRun.RunAsync(options, null, CancellationToken.None);
        var rows = await StoredRowsAsync(options.DatabasePath);
        var second = await PipelineRun.RunAsync(options, null, CancellationToken.None);

        var c = first.Counters;
        Assert.Equal(expected, first.InputRecords);
        // A line with the same bytes as an earlier one is taken in once (the input journal); every other line is a
        // document, a duplicate document or a dead letter.
        Assert.Equal(expected, c.Documents + c.Duplicates + c.DeadLetters + first.AlreadyStored);
        // The re-run recognises every line as already taken in, and changes nothing.
        Assert.Equal(expected, second.AlreadyStored);
        Assert.Equal(0, second.Counters.Inputs);
        Assert.Equal(rows, await StoredRowsAsync(options.DatabasePath));
        return true;
    }

    /// <summary>Non-blank lines, split as the reader splits them.</summary>
    private static long CountLines(byte[] content)
    {
        long n = 0;
        var start = 0;
        for (var i = 0; i <= content.Length; i++)
        {
            if (i < content.Length && content[i] != '\n') continue;
            if (content.AsSpan(start, i - start).IndexOfAnyExcept(" \t\r"u8) >= 0) n++;
            start = i + 1;
        }
        return n;
    }

    private static async Task<string[]> StoredRowsAsync(string path)
    {
        await using var store = new SqliteRiskStore(path);
        var documents = (await store.GetDocumentsAsync()).Select(EventJson.SerializeToString);
        var letters = (await store.GetDeadLettersAsync()).Select(EventJson.SerializeToString);
        return [.. documents, .. letters];
    }
}
