using System.Globalization;
using System.Text;
using System.Text.Json;
using StreamRisk.Core.Events;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Simulation;

namespace StreamRisk.Infrastructure.Simulation;

/// <summary>
/// Streams a <see cref="MarketSimulator"/> run to files in one pass (memory does not grow with the run):
/// news.jsonl, disclosures.jsonl (raw news wire format), fundamentals.jsonl, spreads.jsonl, issuers.csv (the
/// data/reference format; with links also issuer_relations.csv), macro.csv (the economy's quarterly macro factor, which a desk would read from published
/// macro data), and ground truth under truth/: latent.csv, polarity.jsonl, outcomes.csv (final class per
/// issuer), outcome_events.csv (each threshold crossing) and manifest.json (options, thresholds, counts).
/// </summary>
public static class SimulationWriter
{
    private const int BufferBytes = 1 << 20;
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="newsPerSecond">When set, news lines are written in real time at this rate (and flushed one by one),
    /// so that a reader tailing news.jsonl sees a live feed for load tests; other files are written as fast as they come.</param>
    public static SimulationSummary Write(MarketSimulator simulator, string outputDirectory, CancellationToken cancellationToken = default,
        double? newsPerSecond = null)
    {
        if (newsPerSecond is { } r && !(r > 0 && double.IsFinite(r)))
        {
            throw new ArgumentOutOfRangeException(nameof(newsPerSecond), r, "a rate must be a positive number of texts per second");
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var truthDirectory = Path.Combine(outputDirectory, "truth");
        Directory.CreateDirectory(truthDirectory);
        WriteIssuers(simulator, Path.Combine(outputDirectory, "issuers.csv"));
        WriteMacro(simulator, Path.Combine(outputDirectory, "macro.csv"));
        if (simulator.Relations.Count > 0)
        {
            WriteRelations(simulator, Path.Combine(outputDirectory, IssuerRelationTable.FileName));
        }

        long news = 0, disclosures = 0, statements = 0, spreads = 0, latentRows = 0;
        int extended = 0, defaulted = 0;
        using (var newsFile = Open(Path.Combine(outputDirectory, "news.jsonl")))
        using (var disclosureFile = Open(Path.Combine(outputDirectory, "disclosures.jsonl")))
        using (var fundamentalsFile = Open(Path.Combine(outputDirectory, "fundamentals.jsonl")))
        using (var spreadFile = Open(Path.Combine(outputDirectory, "spreads.jsonl")))
        using (var polarityFile = Open(Path.Combine(truthDirectory, "polarity.jsonl")))
        using (var latentFile = new StreamWriter(Open(Path.Combine(truthDirectory, "latent.csv")), Utf8) { NewLine = "\n" })
        using (var outcomeFile = new StreamWriter(Open(Path.Combine(truthDirectory, "outcomes.csv")), Utf8) { NewLine = "\n" })
        using (var crossingFile = new StreamWriter(Open(Path.Combine(truthDirectory, "outcome_events.csv")), Utf8) { NewLine = "\n" })
        {
            latentFile.Write("issuer_id,day,latent\n");
            outcomeFile.Write("issuer_id,class,date\n");
            crossingFile.Write("issuer_id,class,date\n");
            Span<char> number = stackalloc char[64];
            var sinceCheck = 0;
            foreach (var simulated in simulator.Run())
            {
                if (++sinceCheck == 100_000)
                {
                    sinceCheck = 0;
                    cancellationToken.ThrowIfCancellationRequested();
                }

                switch (simulated)
                {
                    case SpreadQuoted quote:
                        Line(spreadFile, EventJson.Serialize(quote.Spread));
                        spreads++;
                        break;
                    case LatentObserved latent:
                        latentFile.Write(latent.IssuerId);
                        latentFile.Write(',');
                        WriteDay(latentFile, latent.Day, number);
                        latentFile.Write(',');
                        latent.LatentCredit.TryFormat(number, out var written, "R", CultureInfo.InvariantCulture);
                        latentFile.Write(number[..written]);
                        latentFile.Write('\n');
                        latentRows++;
                        break;
                    case NewsArrived arrived:
                        if (newsPerSecond is { } rate)
                        {
                            // Text n is due at n / rate seconds after the start; sleeping only when ahead keeps the mean rate
                            // exact even when a write or a sleep overshoots.
                            var due = TimeSpan.FromSeconds(news / rate) - clock.Elapsed;
                            if (due > TimeSpan.Zero) Thread.Sleep(due);
                            cancellationToken.ThrowIfCancellationRequested();
                        }
                        Line(newsFile, EventJson.Serialize(arrived.News));
                        if (newsPerSecond is not null)
                        {
                            // A live reader must see the market data that came before the text, not whenever a buffer fills.
                            spreadFile.Flush();
                            fundamentalsFile.Flush();
                            newsFile.Flush();
                        }
                        foreach (var truth in arrived.Truth) Line(polarityFile, SimulationTruthJson.Serialize(truth));
                        news++;
                        break;
                    case StatementFiled filed:
                        Line(fundamentalsFile, EventJson.Serialize(filed.Statement));
                        statements++;
                        break;
                    case DisclosureFiled disclosure:
                        Line(disclosureFile, EventJson.Serialize(disclosure.Disclosure));
                        Line(polarityFile, SimulationTruthJson.Serialize(disclosure.Truth));
                        disclosures++;
                        break;
                    case OutcomeReached reached:
                        WriteOutcome(crossingFile, reached.IssuerId, reached.Class, reached.Day, number);
                        break;
                    case FinalOutcome final:
                        WriteOutcome(outcomeFile, final.IssuerId, final.Class, final.Day, number);
                        if (final.Class == RiskClass.Extended) extended++;
                        if (final.Class == RiskClass.Defaulted) defaulted++;
                        break;
                }
            }
        }

        var summary = new SimulationSummary(simulator.Issuers.Count, news, disclosures, statements, spreads, latentRows, extended, defaulted);
        WriteManifest(simulator, summary, Path.Combine(truthDirectory, "manifest.json"));
        return summary;
    }

    private static void WriteIssuers(MarketSimulator simulator, string path)
    {
        using var file = new StreamWriter(Open(path), Utf8) { NewLine = "\n" };
        file.Write("issuer_id,legal_name,aliases,tickers,industries\n");
        foreach (var issuer in simulator.Issuers)
        {
            file.Write(CsvField.Quote(issuer.IssuerId));
            file.Write(',');
            file.Write(CsvField.Quote(issuer.LegalName));
            file.Write(',');
            file.Write(CsvField.Quote(string.Join('|', issuer.Aliases)));
            file.Write(',');
            file.Write(CsvField.Quote(string.Join('|', issuer.Tickers)));
            file.Write(',');
            file.Write(CsvField.Quote(string.Join('|', issuer.IndustryIds)));
            file.Write('\n');
        }
    }

    /// <summary>The issuer links in the data/reference format (issuer_relations.csv), next to issuers.csv so a run with
    /// <c>--issuers</c> on the simulated market loads them.</summary>
    private static void WriteRelations(MarketSimulator simulator, string path)
    {
        using var file = new StreamWriter(Open(path), Utf8) { NewLine = "\n" };
        file.Write("from_issuer_id,to_issuer_id,kind,weight\n");
        foreach (var r in simulator.Relations)
        {
            file.Write(string.Create(CultureInfo.InvariantCulture, $"{r.FromIssuerId},{r.ToIssuerId},{IssuerRelation.KindName(r.Kind)},{r.Weight:R}\n"));
        }
    }

    /// <summary>year,quarter,macro_factor for every quarter the run covers: the factor the latent credit process reads
    /// (drawn, or anchored on real GDP growth and unemployment), at the quarter's midpoint.</summary>
    private static void WriteMacro(MarketSimulator simulator, string path)
    {
        using var file = new StreamWriter(Open(path), Utf8) { NewLine = "\n" };
        file.Write("year,quarter,macro_factor\n");
        foreach (var (year, quarter, factor) in simulator.Macro.Quarters(simulator.Options.StartDay, simulator.Options.EndDay))
        {
            file.Write(string.Create(CultureInfo.InvariantCulture, $"{year},{quarter},{factor:R}\n"));
        }
    }

    private static void WriteManifest(MarketSimulator simulator, SimulationSummary summary, string path)
    {
        using var file = Open(path);
        using var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
        var options = simulator.Options;
        json.WriteStartObject();
        json.WriteString("generator", "StreamRisk.MarketSimulator");
        json.WriteNumber("seed", options.Seed);
        json.WriteNumber("issuers", options.IssuerCount);
        json.WriteNumber("years", options.Years);
        json.WriteString("start_day", options.StartDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("end_day", options.EndDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteNumber("news_per_issuer_per_year", options.NewsPerIssuerPerYear);
        json.WriteNumber("macro_anchored_quarters", simulator.Macro.AnchoredQuarters);
        WriteLevel(json, "extension_threshold", simulator.Thresholds.Extension);
        WriteLevel(json, "default_threshold", simulator.Thresholds.Default);
        json.WriteStartObject("shares");
        json.WriteNumber("extended", options.ExtendedShare);
        json.WriteNumber("defaulted", options.DefaultedShare);
        json.WriteNumber("pair", options.PairShare);
        json.WriteNumber("industry", options.IndustryShare);
        json.WriteNumber("rumour", options.RumourShare);
        json.WriteNumber("noise", options.NoiseShare);
        json.WriteNumber("duplicate", options.DuplicateShare);
        json.WriteNumber("late", options.LateShare);
        json.WriteNumber("late_start", options.LateStartShare);
        json.WriteNumber("skipped_filing", options.SkippedFilingShare);
        json.WriteNumber("late_filing", options.LateFilingShare);
        json.WriteNumber("misleading_tone", options.MisleadingToneShare);
        if (options.RelatedShare > 0)
        {
            // Only when on: a run without links writes the manifest it always did.
            json.WriteNumber("related", options.RelatedShare);
        }
        json.WriteEndObject();
        json.WriteStartObject("counts");
        json.WriteNumber("news", summary.NewsTexts);
        json.WriteNumber("disclosures", summary.Disclosures);
        json.WriteNumber("statements", summary.Statements);
        json.WriteNumber("spreads", summary.Spreads);
        json.WriteNumber("extended", summary.Extended);
        json.WriteNumber("defaulted", summary.Defaulted);
        if (simulator.Relations.Count > 0)
        {
            json.WriteNumber("relations", simulator.Relations.Count);
        }
        json.WriteEndObject();
        json.WriteStartArray("indicators");
        foreach (var name in EmdlotIndicators.Names) json.WriteStringValue(name);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteLevel(Utf8JsonWriter json, string name, double level)
    {
        if (double.IsFinite(level)) json.WriteNumber(name, level);
        else json.WriteNull(name);
    }

    private static void WriteOutcome(StreamWriter file, string issuerId, RiskClass riskClass, DateOnly day, Span<char> buffer)
    {
        file.Write(issuerId);
        file.Write(',');
        file.Write(riskClass switch { RiskClass.Extended => "extended", RiskClass.Defaulted => "defaulted", _ => "performing" });
        file.Write(',');
        WriteDay(file, day, buffer);
        file.Write('\n');
    }

    private static void WriteDay(StreamWriter file, DateOnly day, Span<char> buffer)
    {
        day.TryFormat(buffer, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        file.Write(buffer[..written]);
    }

    private static void Line(Stream stream, byte[] json)
    {
        stream.Write(json);
        stream.Write(NewLine);
    }

    private static FileStream Open(string path) =>
        new(path, FileMode.Create, FileAccess.Write, FileShare.Read, BufferBytes, FileOptions.SequentialScan);
}
