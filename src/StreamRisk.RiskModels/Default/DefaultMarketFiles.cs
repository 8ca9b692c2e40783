using System.Globalization;
using System.Text.Json;
using StreamRisk.Core.Events;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Simulation;
using StreamRisk.RiskModels.Artifacts;

namespace StreamRisk.RiskModels.Default;

/// <summary>
/// Reads a <see cref="DefaultMarket"/> from a folder written by <c>streamrisk simulate</c>: issuers.csv (issuer →
/// industry), macro.csv, fundamentals.jsonl, disclosures.jsonl, truth/polarity.jsonl, truth/outcome_events.csv and
/// truth/manifest.json (the simulated period). JSON-lines files are streamed; news.jsonl and spreads.jsonl are not read.
/// A missing file is a <see cref="FileNotFoundException"/>, a malformed one an <see cref="InvalidDataException"/>, each
/// naming the file and, where it has one, the line (the CLI's training commands map both to exit code 2).
/// </summary>
/// <remarks>
/// truth/polarity.jsonl is read only for which issuer a disclosure belongs to (the doc id and issuer id of its
/// risk_factors and important_notice lines); its polarity, the simulator's ground truth about tone, is never read. The
/// live path gets the same link from entity linking. The chapter comes from the text's heading
/// (<see cref="DisclosureChapters.Of"/>), as live.
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
        var links = ReadDisclosureIssuers(Path.Combine(directory, "truth", "polarity.jsonl"));
        var disclosures = ReadDisclosures(Path.Combine(directory, "disclosures.jsonl"), links);
        var changes = ReadClassChanges(Path.Combine(directory, "truth", "outcome_events.csv"), known);
        return new DefaultMarket(start, end, issuers, macro, statements, disclosures, changes);
    }

    /// <summary>macro.csv through <see cref="MacroTable.Load"/> (the table the score stage reads with --macro).</summary>
    private static MacroTable ReadMacro(string path)
    {
        Require(path);
        try
        {
            return MacroTable.Load(path);
        }
        catch (ModelArtifactException ex)
        {
            throw new InvalidDataException(ex.Message, ex);
        }
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

    private static List<Fundamentals> ReadStatements(string path, HashSet<string> issuers)
    {
        var statements = new List<Fundamentals>();
        foreach (var (statement, line) in JsonLines<Fundamentals>(path))
        {
            if (!issuers.Contains(statement.IssuerId)) throw Line(path, line, $"issuer '{statement.IssuerId}' is not in issuers.csv");
            // Live, a missing indicator reads NaN; a simulation writes all 32, so one missing here means a damaged file.
            if (EmdlotIndicators.Names.FirstOrDefault(n => !statement.Indicators.ContainsKey(n)) is { } missing)
            {
                throw Line(path, line, $"the statement of {statement.IssuerId} for {statement.PeriodEnd:yyyy-MM-dd} lacks the indicator '{missing}'");
            }
            statements.Add(statement);
        }
        return statements;
    }

    /// <summary>doc id → issuer for the issuers' own disclosures (risk factors, important notices); news lines are
    /// skipped unparsed, and nothing else of a line is kept.</summary>
    private static Dictionary<string, string> ReadDisclosureIssuers(string path)
    {
        Require(path);
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var text in File.ReadLines(path))
        {
            number++;
            if (!text.Contains("\"risk_factors\"", StringComparison.Ordinal) && !text.Contains("\"important_notice\"", StringComparison.Ordinal)) continue;
            try
            {
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement;
                if (root.GetProperty("kind").GetString() is not ("risk_factors" or "important_notice")) continue;
                var docId = root.GetProperty("doc_id").GetString();
                var issuerId = root.GetProperty("issuer_id").GetString();
                if (string.IsNullOrEmpty(docId) || string.IsNullOrEmpty(issuerId)) throw Line(path, number, "a disclosure needs 'doc_id' and 'issuer_id'");
                links[docId] = issuerId;
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
            {
                throw Line(path, number, ex.Message, ex);
            }
        }
        return links;
    }

    /// <summary>The filings whose heading names a chapter (as the score stage tells them apart); others are skipped, as live.</summary>
    private static List<IssuerDisclosure> ReadDisclosures(string path, Dictionary<string, string> issuerOf)
    {
        var disclosures = new List<IssuerDisclosure>();
        foreach (var (filing, line) in JsonLines<RawNews>(path))
        {
            if (!issuerOf.TryGetValue(filing.DocId, out var issuerId))
            {
                throw Line(path, line, $"disclosure '{filing.DocId}' has no risk_factors or important_notice line in truth/polarity.jsonl to name its issuer");
            }
            if (IssuerDisclosure.Of(issuerId, filing) is { } disclosure) disclosures.Add(disclosure);
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
