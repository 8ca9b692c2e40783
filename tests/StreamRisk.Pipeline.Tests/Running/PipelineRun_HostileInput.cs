using System.Text;
using StreamRisk.Core.Events;
using StreamRisk.Core.Ingest;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Tests.Running;

/// <summary>
/// Bad records never stop a run: each hostile input below becomes a dead letter with its reason code, or is accepted
/// with the value it means. The table runs every case through the input reader and the ingest and score stages; the
/// facts below it run whole files through <see cref="PipelineRun"/> itself.
/// </summary>
public class PipelineRun_HostileInput
{
    private const string At = "@2024-05-01T10:00:00.0000000+00:00";
    private const string Good = "doc:ok" + At;

    /// <summary>A JSON string literal holding <paramref name="raw"/> as written (escapes included).</summary>
    private static string Q(string raw) => "\"" + raw + "\"";

    private static string News(string docId = "\"d1\"", string source = "\"wire\"", string published = "\"2024-05-01T10:00:00Z\"",
        string body = "\"Texaco rose.\"", string headline = "null", string extra = "") =>
        $$"""{"doc_id":{{docId}},"source":{{source}},"published_at":{{published}},"headline":{{headline}},"body":{{body}}{{extra}}}""";

    private static readonly string Ok = News(docId: "\"ok\"", body: "\"A different text.\"");

    private static string Spread(string issuer = "\"sedio\"", string day = "\"2024-05-01\"", string bps = "180", string extra = "") =>
        $$"""{"issuer_id":{{issuer}},"day":{{day}},"spread_bps":{{bps}}{{extra}}}""";

    private static string Fundamentals(string published = "\"2024-05-10T00:00:00Z\"", string indicators = """{"roa":0.01}""", string extra = "") =>
        $$"""{"issuer_id":"sedio","period_end":"2024-03-31","published_at":{{published}},"indicators":{{indicators}}{{extra}}}""";

    private static byte[] Lines(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    private static byte[] Encoded(Encoding encoding, bool bom, params string[] lines) =>
        [.. bom ? encoding.GetPreamble() : [], .. encoding.GetBytes(string.Join("\n", lines) + "\n")];

    private static string Timestamp(string value) => $"published_at '{value}' is not an RFC 3339 timestamp, e.g. 2024-05-01T09:30:00Z";

    /// <param name="Reason">The dead letter's exact reason where it matters; null: not checked.</param>
    /// <param name="MaxRecordBytes">The reader's record limit (small where a case is about it, to keep the files small).</param>
    public sealed record Case(string File, Func<byte[]> Content, string[] Expected, string? Reason = null,
        int MaxRecordBytes = InputLimits.MaxRecordBytes, long MaxJsonFileBytes = InputLimits.MaxJsonFileBytes);

    private static Case NewsCase(string line, params string[] expected) => new("news.jsonl", () => Lines(line, Ok), [.. expected, Good]);

    private static Case Refused(string line, string code, string? reason = null) => NewsCase(line, "dead:" + code) with { Reason = reason };

    private static readonly Dictionary<string, Case> Table = new()
    {
        // 1. Escapes that spell no Unicode text.
        ["surrogate: lone high in body"] = Refused(News(body: Q(@"x \ud800 y")), Rejection.InvalidUnicode,
            @"the string at /body holds an escaped lone surrogate (e.g. \ud800 not followed by \udc00-\udfff); JSON text must be valid Unicode"),
        ["surrogate: lone low in body"] = Refused(News(body: Q(@"x \udc00 y")), Rejection.InvalidUnicode),
        ["surrogate: reversed pair in body"] = Refused(News(body: Q(@"x \udc00\ud800 y")), Rejection.InvalidUnicode),
        ["surrogate: in headline"] = Refused(News(headline: Q(@"\ud800")), Rejection.InvalidUnicode),
        ["surrogate: in doc_id"] = Refused(News(docId: Q(@"d\ud800")), Rejection.InvalidUnicode),
        ["surrogate: in source"] = Refused(News(source: Q(@"\udc00")), Rejection.InvalidUnicode),
        ["surrogate: in published_at"] = Refused(News(published: Q(@"2024-05-01T10:00:00Z\ud800")), Rejection.InvalidUnicode),
        ["surrogate: in an object key"] = Refused(News(extra: @",""\ud800"":1"), Rejection.InvalidUnicode,
            @"a key in the top-level object holds an escaped lone surrogate (e.g. \ud800 not followed by \udc00-\udfff); JSON text must be valid Unicode"),
        ["surrogate: a valid escaped pair is text"] = NewsCase(News(body: Q(@"Texaco \ud83d\ude00")), "doc:d1" + At),
        ["surrogate: in a spread's issuer_id"] = new("spreads.jsonl", () => Lines(Spread(issuer: Q(@"sedio\ud800"))), ["dead:invalid_unicode"]),
        ["surrogate: in a spread's key"] = new("spreads.jsonl", () => Lines(Spread(extra: @",""\udc00\ud800"":1")), ["dead:invalid_unicode"]),
        ["surrogate: in an indicator name"] = new("fundamentals.jsonl", () => Lines(Fundamentals(indicators: @"{""\ud800"":1}")), ["dead:invalid_unicode"]),
        ["surrogate: in fundamentals' published_at"] = new("fundamentals.jsonl", () => Lines(Fundamentals(published: Q(@"\udc00"))), ["dead:invalid_unicode"]),

        // 2. Records too large to read (limits made small here; a real-size line is a fact below).
        ["oversize: a line over the record limit, then a good one"] = new("news.jsonl",
            () => Lines(News(body: Q(new string('x', 10_000))), Ok), ["dead:oversize", Good], MaxRecordBytes: 1024),
        ["oversize: a JSON array saved as .jsonl"] = new("news.jsonl",
            () => Lines("[" + string.Join(",", Enumerable.Range(0, 50).Select(i => News(docId: Q($"a{i}")))) + "]"), ["dead:oversize"], MaxRecordBytes: 1024),
        ["oversize: a last line without a newline"] = new("news.jsonl",
            () => [.. Lines(Ok), .. Encoding.UTF8.GetBytes(new string('{', 5000))], [Good, "dead:oversize"], MaxRecordBytes: 1024),
        ["oversize: a .json file over its limit"] = new("news.json",
            () => Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Range(0, 30).Select(i => News(docId: Q($"a{i}")))) + "]"),
            ["dead:oversize"], MaxJsonFileBytes: 2048),
        ["oversize: a spreads line"] = new("spreads.jsonl", () => Lines(Spread(extra: $",\"x\":\"{new string('x', 5000)}\""), Spread()),
            ["dead:oversize", "spread:sedio@2024-05-01=180"], MaxRecordBytes: 1024),

        // 3. Limits apply to the decoded text.
        ["decoded: a 1 MiB body written as \\u escapes is accepted"] = NewsCase(News(body: Q(string.Concat(Enumerable.Repeat(@"\u0061", 1 << 20)))), "doc:d1" + At),
        ["decoded: a body 1 byte over 1 MiB"] = Refused(News(body: Q(new string('a', (1 << 20) + 1))), Rejection.Oversize,
            "body is 1,048,577 bytes (UTF-8, after decoding); the limit is 1,048,576"),
        ["decoded: a 2 MB headline"] = Refused(News(headline: Q(new string('h', 2_000_000))), Rejection.Oversize,
            "headline is 2,000,000 bytes (UTF-8, after decoding); the limit is 16,384"),
        ["decoded: a headline of 16 KiB written as escapes is accepted"] = NewsCase(News(headline: Q(string.Concat(Enumerable.Repeat(@"\u0068", 16 << 10)))), "doc:d1" + At),
        ["decoded: doc_id of 257 characters"] = Refused(News(docId: Q(new string('d', 257))), Rejection.SchemaViolation),
        ["decoded: source of 257 characters"] = Refused(News(source: Q(new string('s', 257))), Rejection.SchemaViolation),
        ["decoded: language of 36 characters"] = Refused(News(extra: $",\"language\":\"{new string('l', 36)}\""), Rejection.SchemaViolation),
        ["decoded: url of 8193 characters"] = Refused(News(extra: $",\"url\":\"{new string('u', 8193)}\""), Rejection.SchemaViolation),

        // 4. Encodings.
        ["encoding: UTF-8 BOM before a .jsonl"] = new("news.jsonl", () => [0xEF, 0xBB, 0xBF, .. Lines(News(), Ok)], ["doc:d1" + At, Good]),
        ["encoding: UTF-8 BOM before a .json array"] = new("news.json", () => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes($"[{News()},{Ok}]")], ["doc:d1" + At, Good]),
        ["encoding: UTF-16LE with BOM"] = new("news.jsonl", () => Encoded(Encoding.Unicode, true, News(), Ok, Ok), ["dead:unsupported_encoding"],
            "'news.jsonl' is UTF-16LE (byte-order mark FF FE); StreamRisk reads UTF-8 only: convert the file to UTF-8 (e.g. iconv -f UTF-16LE -t UTF-8) and give it again"),
        ["encoding: UTF-16BE with BOM"] = new("news.jsonl", () => Encoded(Encoding.BigEndianUnicode, true, News(), Ok), ["dead:unsupported_encoding"]),
        ["encoding: UTF-16LE without BOM"] = new("news.jsonl", () => Encoded(Encoding.Unicode, false, News(), Ok), ["dead:unsupported_encoding"],
            "'news.jsonl' is UTF-16LE (no byte-order mark; NUL bytes in the pattern of its first characters); StreamRisk reads UTF-8 only: convert the file to UTF-8 (e.g. iconv -f UTF-16LE -t UTF-8) and give it again"),
        ["encoding: UTF-16BE without BOM, .json"] = new("news.json", () => Encoded(Encoding.BigEndianUnicode, false, $"[{News()},{Ok}]"), ["dead:unsupported_encoding"]),
        ["encoding: UTF-32LE with BOM"] = new("spreads.jsonl", () => Encoded(Encoding.UTF32, true, Spread(), Spread()), ["dead:unsupported_encoding"]),
        ["encoding: invalid UTF-8"] = new("news.jsonl", () => [.. Encoding.UTF8.GetBytes(News()[..^2]), 0xC3, 0x28, (byte)'"', (byte)'}', (byte)'\n', .. Lines(Ok)],
            ["dead:invalid_utf8", Good]),

        // 5. Ids are checked, never trimmed; invisible characters are no text.
        ["id: doc_id of spaces"] = Refused(News(docId: Q("   ")), Rejection.SchemaViolation,
            "doc_id is only whitespace or invisible characters; it must hold a visible character"),
        ["id: doc_id of a tab"] = Refused(News(docId: Q(@"\t")), Rejection.SchemaViolation),
        ["id: doc_id of an ideographic space"] = Refused(News(docId: Q(@"\u3000")), Rejection.SchemaViolation),
        ["id: doc_id of a zero-width space"] = Refused(News(docId: Q(@"\u200b")), Rejection.SchemaViolation),
        ["id: ' same ' next to 'same'"] = new("news.jsonl", () => Lines(News(docId: Q("same")), News(docId: Q(" same "), body: Q("Another text."))),
            ["dead:schema_violation", "doc:same" + At], @"doc_id ' same ' starts or ends with whitespace or an invisible character; ids are compared exactly, so send it without"),
        ["id: doc_id with a control character"] = Refused(News(docId: Q(@"a\u0001b")), Rejection.SchemaViolation,
            "doc_id contains the control character U+0001 at position 1"),
        ["id: doc_id not in NFC"] = Refused(News(docId: Q(@"cafe\u0301")), Rejection.SchemaViolation),
        ["id: source of spaces"] = Refused(News(source: Q("  ")), Rejection.SchemaViolation,
            "source is only whitespace or invisible characters; it must hold a visible character"),
        ["id: non-ASCII ids in NFC are fine"] = NewsCase(News(docId: Q("café-债券"), source: Q("路透")), "doc:café-债券" + At),
        ["body: only zero-width characters"] = Refused(News(body: Q(@"\u200b\u200c\u200d\u2060\ufeff\u00ad")), Rejection.EmptyBody),
        ["body: zero-width characters and spaces"] = Refused(News(body: Q(@" \u200b \ufeff ")), Rejection.EmptyBody),

        // 6. RFC 3339 timestamps.
        ["time: leap second"] = NewsCase(News(published: Q("2016-12-31T23:59:60Z")), "doc:d1@2016-12-31T23:59:59.9999999+00:00"),
        ["time: lowercase t and z"] = NewsCase(News(published: Q("2024-05-01t10:00:00z")), "doc:d1" + At),
        ["time: space separator"] = NewsCase(News(published: Q("2024-05-01 10:00:00Z")), "doc:d1" + At),
        ["time: offset and fraction"] = NewsCase(News(published: Q("2024-05-01T12:00:00.5+02:00")), "doc:d1@2024-05-01T10:00:00.5000000+00:00"),
        ["time: unknown local offset -00:00"] = NewsCase(News(published: Q("2024-05-01T10:00:00-00:00")), "doc:d1" + At),
        ["time: a word"] = Refused(News(published: Q("yesterday")), Rejection.SchemaViolation, Timestamp("yesterday")),
        ["time: no offset"] = Refused(News(published: Q("2024-05-01T10:00:00")), Rejection.SchemaViolation, Timestamp("2024-05-01T10:00:00")),
        ["time: a day that does not exist"] = Refused(News(published: Q("2023-02-29T10:00:00Z")), Rejection.SchemaViolation, Timestamp("2023-02-29T10:00:00Z")),
        ["time: second 60 not at a minute's end"] = Refused(News(published: Q("2024-05-01T10:30:60Z")), Rejection.SchemaViolation),
        ["time: before year 1 in UTC"] = Refused(News(published: Q("0001-01-01T00:00:00+01:00")), Rejection.SchemaViolation),
        ["time: a number"] = Refused(News(published: "1714557600"), Rejection.SchemaViolation),
        ["time: fundamentals with a space separator"] = new("fundamentals.jsonl", () => Lines(Fundamentals(published: Q("2024-05-10 00:00:00Z"))),
            ["fundamentals:sedio@2024-05-10T00:00:00.0000000+00:00"]),
        ["time: fundamentals with a word"] = new("fundamentals.jsonl", () => Lines(Fundamentals(published: Q("soon"))), ["dead:schema_violation"], Timestamp("soon")),

        // 7. Keys that occur twice.
        ["duplicate: body"] = Refused(News(extra: ""","body":"Other text." """), Rejection.SchemaViolation,
            "duplicate key 'body' in the top-level object: each key may occur once per object"),
        ["duplicate: doc_id spelt with an escape"] = Refused(News(extra: @",""\u0064oc_id"":""d2"""), Rejection.SchemaViolation),
        ["duplicate: nested"] = Refused(News(extra: ""","meta":{"a":[{"k":1,"k":2}]}"""), Rejection.SchemaViolation,
            "duplicate key 'k' in the object at /meta/a/0: each key may occur once per object"),
        ["duplicate: spread_bps"] = new("spreads.jsonl", () => Lines(Spread(extra: ",\"spread_bps\":9000")), ["dead:schema_violation"]),
        ["duplicate: an indicator"] = new("fundamentals.jsonl", () => Lines(Fundamentals(indicators: """{"roa":0.01,"roa":0.5}""")), ["dead:schema_violation"]),

        // Found by fuzzing and by reading the code: nesting, numbers, shapes.
        ["nesting: 70 levels"] = Refused(News(extra: ",\"x\":" + new string('[', 70) + new string(']', 70)), Rejection.MalformedJson),
        ["nesting: 100,000 open brackets"] = Refused(new string('[', 100_000), Rejection.MalformedJson),
        ["number: NaN literal"] = new("spreads.jsonl", () => Lines(Spread(bps: "NaN")), ["dead:malformed_json"]),
        ["number: Infinity literal"] = new("spreads.jsonl", () => Lines(Spread(bps: "-Infinity")), ["dead:malformed_json"]),
        ["number: 1e400"] = new("spreads.jsonl", () => Lines(Spread(bps: "1e400")), ["dead:schema_violation"],
            "the number at /spread_bps is beyond the range of a double (±1.8e308)"),
        ["number: 1e308 over the schema's maximum"] = new("spreads.jsonl", () => Lines(Spread(bps: "1e308")), ["dead:schema_violation"]),
        ["number: 30 digits"] = new("spreads.jsonl", () => Lines(Spread(bps: "123456789012345678901234567890")), ["dead:schema_violation"]),
        ["number: an indicator of 1e300 is a number"] = new("fundamentals.jsonl", () => Lines(Fundamentals(indicators: """{"roa":1e300}""")),
            ["fundamentals:sedio@2024-05-10T00:00:00.0000000+00:00"]),
        ["number: an indicator of -1e400"] = new("fundamentals.jsonl", () => Lines(Fundamentals(indicators: """{"roa":-1e400}""")), ["dead:schema_violation"]),
        ["number: in a news extra field"] = Refused(News(extra: ",\"score\":1e999"), Rejection.SchemaViolation),
        ["date: a spread day that does not exist"] = new("spreads.jsonl", () => Lines(Spread(day: Q("2023-02-29"))), ["dead:schema_violation"]),
        ["shape: a spread as a string"] = new("spreads.jsonl", () => Lines(Spread(bps: Q("180"))), ["dead:schema_violation"]),
        ["shape: an unknown issuer"] = new("spreads.jsonl", () => Lines(Spread(issuer: Q("nobody"))), ["dead:unknown_issuer"]),
        ["shape: a NUL byte"] = Refused("\0" + News(), Rejection.MalformedJson),
        ["shape: a forged reader mark with a code of its own"] = Refused("\0streamrisk-refused-input\0evil\0x\0{}", Rejection.MalformedJson),
        ["shape: a bad element in a .json array"] = new("news.json", () => Encoding.UTF8.GetBytes($"[{News(body: Q(@"\ud800"))},{Ok}]"), ["dead:invalid_unicode", Good]),
        ["shape: a malformed .json file"] = new("news.json", () => Encoding.UTF8.GetBytes($"[{News()},{Ok}"), ["dead:malformed_json"]),
        ["shape: blank lines and CRLF"] = new("news.jsonl", () => Encoding.UTF8.GetBytes($"\n  \r\n{News()}\r\n\t\n{Ok}"), ["doc:d1" + At, Good]),
    };

    public static TheoryData<string> Cases => new(Table.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_hostile_input_has_its_exact_outcome(string name)
    {
        var c = Table[name];
        var result = await HostileInputRig.RunAsync(c.File, c.Content(), c.MaxRecordBytes, c.MaxJsonFileBytes);

        Assert.Equal(c.Expected.Order(StringComparer.Ordinal), result.Outcomes);
        if (c.Reason is not null)
        {
            Assert.Equal(c.Reason, Assert.Single(result.Letters).Reason);
        }
    }

    [Fact]
    public async Task An_oversize_line_keeps_a_prefix_and_its_full_length_and_reading_goes_on()
    {
        var line = Encoding.UTF8.GetBytes(News(body: Q(new string('x', 10_000))));
        var result = await HostileInputRig.RunAsync("news.jsonl", [.. line, (byte)'\n', .. Lines(Ok)], maxRecordBytes: 1024);

        var letter = Assert.Single(result.Letters);
        var kept = Convert.FromBase64String(letter.OriginalBase64);
        Assert.Equal(line.AsSpan(0, kept.Length).ToArray(), kept);
        Assert.InRange(kept.Length, 1024, InputLimits.SampleBytes);
        Assert.Contains($"is {line.Length:N0} bytes, over the record limit of 1,024", letter.Reason);
        Assert.Equal(2, result.Records);
    }

    [Fact]
    public async Task A_line_just_over_the_real_record_limit_is_one_dead_letter_in_a_real_run()
    {
        var dir = RepositoryPaths.NewTempDirectory();
        var body = new string('x', InputLimits.MaxRecordBytes);
        await File.WriteAllBytesAsync(Path.Combine(dir, "news.jsonl"), Lines(News(body: Q(body)), Ok));

        var summary = await PipelineRun.RunAsync(new RunOptions { Inputs = [dir], IngestOnly = true }, null, CancellationToken.None);

        Assert.Equal(new Dictionary<string, long> { [Rejection.Oversize] = 1 }, summary.Counters.DeadLettersByReason);
        Assert.Equal(1, summary.Counters.Documents);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/null")]
    public async Task A_device_is_refused_up_front_naming_it(string device)
    {
        if (!File.Exists(device)) return; // not a Unix machine
        var ex = await Assert.ThrowsAsync<InputException>(() =>
            PipelineRun.RunAsync(new RunOptions { Inputs = [device], IngestOnly = true }, null, CancellationToken.None));
        Assert.Equal($"input '{device}' is not a regular file (a device, FIFO or socket); copy the records into a .jsonl file and give that", ex.Message);
    }

    [Fact]
    public async Task A_full_run_over_every_case_at_the_real_limits_completes_and_counts_each_one()
    {
        var dir = RepositoryPaths.NewTempDirectory();
        var expected = new Dictionary<string, long>();
        var i = 0;
        foreach (var (_, c) in Table.Where(t => t.Value.MaxRecordBytes == InputLimits.MaxRecordBytes && t.Value.MaxJsonFileBytes == InputLimits.MaxJsonFileBytes))
        {
            // One folder per case keeps each file's name (and so its topic) and its encoding.
            var caseDir = Directory.CreateDirectory(Path.Combine(dir, $"{i++:D3}")).FullName;
            await File.WriteAllBytesAsync(Path.Combine(caseDir, c.File), c.Content());
            foreach (var code in c.Expected.Where(e => e.StartsWith("dead:", StringComparison.Ordinal)).Select(e => e[5..]))
            {
                expected[code] = expected.GetValueOrDefault(code) + 1;
            }
        }
        var issuers = Path.Combine(dir, "issuers.csv.txt");
        await File.WriteAllTextAsync(issuers, "issuer_id,legal_name,aliases,tickers,industries\nsedio,Sedio N.V.,Sedio,,securities\n");

        var summary = await PipelineRun.RunAsync(new RunOptions { Inputs = [dir], IssuersFile = issuers }, null, CancellationToken.None);

        // The same text under several ids is one document: duplicates are counted, not dead-lettered.
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), summary.Counters.DeadLettersByReason.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.True(summary.Counters.Documents > 0);
    }
}
