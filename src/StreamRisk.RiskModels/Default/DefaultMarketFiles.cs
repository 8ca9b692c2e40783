using System.Globalization;
using System.Text.Json;
using StreamRisk.Core.Events;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Simulation;

namespace StreamRisk.RiskModels.Default;

/// <summary>
/// Reads a <see cref="DefaultMarket"/> from a folder written by <c>streamrisk simulate</c>: issuers.csv (issuer →
/// industry), macro.csv, fundamentals.jsonl, disclosures.jsonl, truth/polarity.jsonl, truth/outcome_events.csv and
/// truth/manifest.json (the simulated period). JSON-lines files are streamed; news.jsonl and spreads.jsonl are not read.
/// A missing file is a <see cref="FileNotFoundException"/>, a malformed one an <see cref="InvalidDataException"/>, each
/// naming the file and, where it has one, the line (the CLI's training commands map both to exit code 2).
/// </summary>
/// <remarks>
/// truth/polarity.jsonl is read only for which issuer a disclosure belongs to and which chapter it is (its doc id,
/// issuer id and kind); its polarity, the simulator's ground truth about tone, is never read. The live path gets the
/// same link from entity linking of the issuer's own filings and the filing type.
/// </remarks>
public static class DefaultMarketFiles
{
    public static DefaultMarket Read(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory)) throw new FileNotFoundException($"{directory} is not a folder; give the folder `streamrisk simulate --out` wrote", directory);
        var (start, end) = ReadPeriod(Path.Combine(directory, "truth", "manifest.json"));
        var issuers = ReadIssuers(Path.Combine(directory, "issuers.csv"));
        var known = issuers.Select(i => i.IssuerId).ToHashSet(StringComparer.Ordinal);
        var macro = ReadMacro(Path.Combine(directory, "macro.csv"));
        var statements = ReadStatements(Path.Combine(directory, "fundamentals.jsonl"), known);
        var links = ReadDisclosureLinks(Path.Combine(directory, "truth", "polarity.jsonl"));
        var disclosures = ReadDisclosures(Path.Combine(directory, "disclosures.jsonl"), links);
        var changes = ReadClassChanges(Path.Combine(directory, "truth", "outcome_events.csv"), known);
        return new DefaultMarket(start, end, issuers, macro, statements, disclosures, changes);
    }

    /// <summary>macro.csv: a <c>year,quarter</c> header followed by one column per macro indicator.</summary>
    public static MacroSeries ReadMacro(string path)
    {
        var records = ParseCsv(path);
        if (records.Count == 0) throw new InvalidDataException($"{path} is empty; expected the header 'year,quarter,<indicator>...'");
        var header = records[0].Fields.Select(f => f.Trim()).ToList();
        if (header.Count < 3 || header[0] != "year" || header[1] != "quarter")
        {
            throw new InvalidDataException($"{path} line {records[0].LineNumber}: the header must be 'year,quarter' and at least one indicator (was '{string.Join(',', header)}')");
        }
        var rows = new Dictionary<(int, int), double[]>();
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count != header.Count) throw Line(path, record.LineNumber, $"expected {header.Count} fields, found {record.Fields.Count}");
            var year = ParseInt(path, record, 0, "year");
            var quarter = ParseInt(path, record, 1, "quarter");
            if (quarter is < 1 or > 4) throw Line(path, record.LineNumber, $"quarter must be 1..4 (was {quarter})");
            var values = new double[header.Count - 2];
            for (var k = 0; k < values.Length; k++)
            {
                if (!double.TryParse(record.Fields[k + 2], NumberStyles.Float, CultureInfo.InvariantCulture, out values[k]) || !double.IsFinite(values[k]))
                {
                    throw Line(path, record.LineNumber, $"{header[k + 2]} '{record.Fields[k + 2]}' is not a finite number");
                }
            }
            if (!rows.TryAdd((year, quarter), values)) throw Line(path, record.LineNumber, $"{year} Q{quarter} appears twice");
        }
        if (rows.Count == 0) throw new InvalidDataException($"{path} has no rows after the header");
        return new MacroSeries(header.Skip(2).ToArray(), rows);
    }

    private static (DateOnly Start, DateOnly End) ReadPeriod(string path)
    {
        Require(path);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return (Day(document.RootElement, "start_day"), Day(document.RootElement, "end_day"));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new InvalidDataException($"{path}: needs 'start_day' and 'end_day' as yyyy-MM-dd ({ex.Message})", ex);
        }

        static DateOnly Day(JsonElement root, string name) =>
            DateOnly.ParseExact(root.GetProperty(name).GetString() ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static List<(string IssuerId, string IndustryId)> ReadIssuers(string path)
    {
        Require(path);
        try
        {
            var table = CsvTable.Parse(new ReferenceFile(path, File.ReadAllText(path)), ["issuer_id", "legal_name", "aliases", "tickers", "industries"], "issuer");
            return table.Rows.Select(row => (table.Id(row, "issuer_id"), table.List(row, "industries").FirstOrDefault() ?? "")).ToList();
        }
        catch (ReferenceDataException ex)
        {
            throw new InvalidDataException(ex.Message, ex);
        }
    }

    private static List<IssuerStatement> ReadStatements(string path, HashSet<string> issuers)
    {
        var statements = new List<IssuerStatement>();
        var names = EmdlotIndicators.Names;
        foreach (var (statement, line) in JsonLines<Fundamentals>(path))
        {
            if (!issuers.Contains(statement.IssuerId)) throw Line(path, line, $"issuer '{statement.IssuerId}' is not in issuers.csv");
            var values = new double[names.Count];
            for (var k = 0; k < values.Length; k++)
            {
                if (!statement.Indicators.TryGetValue(names[k], out values[k]))
                {
                    throw Line(path, line, $"the statement of {statement.IssuerId} for {statement.PeriodEnd:yyyy-MM-dd} lacks the indicator '{names[k]}'");
                }
            }
            statements.Add(new IssuerStatement(statement.IssuerId, statement.PeriodEnd, statement.PublishedAt, values));
        }
        return statements;
    }

    /// <summary>doc id → (issuer, chapter) for the issuers' own disclosures; news lines are skipped unparsed.</summary>
    private static Dictionary<string, (string IssuerId, int Chapter)> ReadDisclosureLinks(string path)
    {
        Require(path);
        var links = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        var number = 0;
        foreach (var text in File.ReadLines(path))
        {
            number++;
            // Only disclosure kinds are needed: skip the far more numerous news lines without parsing them.
            if (!text.Contains("\"risk_factors\"", StringComparison.Ordinal) && !text.Contains("\"important_notice\"", StringComparison.Ordinal)) continue;
            try
            {
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement;
                var kind = root.GetProperty("kind").GetString() ?? "";
                if (DisclosureChapters.OfKind(kind) is not { } chapter) continue;
                var docId = root.GetProperty("doc_id").GetString();
                var issuerId = root.GetProperty("issuer_id").GetString();
                if (string.IsNullOrEmpty(docId) || string.IsNullOrEmpty(issuerId)) throw Line(path, number, "a disclosure needs 'doc_id' and 'issuer_id'");
                links[docId] = (issuerId, chapter);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
            {
                throw Line(path, number, ex.Message, ex);
            }
        }
        return links;
    }

    private static List<IssuerDisclosure> ReadDisclosures(string path, Dictionary<string, (string IssuerId, int Chapter)> links)
    {
        var disclosures = new List<IssuerDisclosure>();
        foreach (var (news, line) in JsonLines<RawNews>(path))
        {
            if (!links.TryGetValue(news.DocId, out var link))
            {
                throw Line(path, line, $"disclosure '{news.DocId}' has no risk_factors or important_notice line in truth/polarity.jsonl to name its issuer");
            }
            var text = string.IsNullOrEmpty(news.Headline) ? news.Body : news.Headline + "\n" + news.Body;
            disclosures.Add(new IssuerDisclosure(link.IssuerId, link.Chapter, news.PublishedAt, text));
        }
        return disclosures;
    }

    private static List<ClassChange> ReadClassChanges(string path, HashSet<string> issuers)
    {
        var records = ParseCsv(path);
        if (records.Count == 0 || string.Join(',', records[0].Fields) != "issuer_id,class,date")
        {
            throw new InvalidDataException($"{path} line 1: the header must be 'issuer_id,class,date'");
        }
        var changes = new List<ClassChange>(records.Count - 1);
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count != 3) throw Line(path, record.LineNumber, $"expected 3 fields (issuer_id,class,date), found {record.Fields.Count}");
            var issuer = record.Fields[0];
            if (!issuers.Contains(issuer)) throw Line(path, record.LineNumber, $"issuer '{issuer}' is not in issuers.csv");
            var riskClass = record.Fields[1] switch
            {
                "performing" => RiskClass.Performing,
                "extended" => RiskClass.Extended,
                "defaulted" => RiskClass.Defaulted,
                var other => throw Line(path, record.LineNumber, $"class '{other}' is not performing, extended or defaulted"),
            };
            if (!DateOnly.TryParseExact(record.Fields[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                throw Line(path, record.LineNumber, $"date '{record.Fields[2]}' is not yyyy-MM-dd");
            }
            changes.Add(new ClassChange(issuer, riskClass, day));
        }
        return changes;
    }

    /// <summary>Lazily parsed JSON lines, each with its 1-based line number (the reader yields each value right after
    /// reading its line, so the count of lines read is that value's line).</summary>
    private static IEnumerable<(T Value, int Line)> JsonLines<T>(string path)
    {
        Require(path);
        var read = 0;
        var lines = File.ReadLines(path).Select(text =>
        {
            read++;
            return text;
        });
        foreach (var value in EventJson.DeserializeLines<T>(lines, (line, ex) => Line(path, line, ex.Message, ex)))
        {
            yield return (value, read);
        }
    }

    private static List<CsvRecord> ParseCsv(string path)
    {
        Require(path);
        try
        {
            return CsvParser.Parse(new ReferenceFile(path, File.ReadAllText(path))).ToList();
        }
        catch (ReferenceDataException ex)
        {
            throw new InvalidDataException(ex.Message, ex);
        }
    }

    private static int ParseInt(string path, CsvRecord record, int field, string name) =>
        int.TryParse(record.Fields[field], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Line(path, record.LineNumber, $"{name} '{record.Fields[field]}' is not a whole number");

    private static void Require(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} is missing; simulate the market again with this build of `streamrisk simulate`", path);
    }

    private static InvalidDataException Line(string path, int line, string problem, Exception? inner = null) =>
        new($"{path} line {line}: {problem}", inner);
}
