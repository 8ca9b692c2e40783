using System.Globalization;
using Spectre.Console;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary>The end-of-run table: documents in and out, mentions, sentiment events, dead letters by reason, alerts.</summary>
internal static class SummaryTable
{
    public static void Write(RunSummary summary)
    {
        var c = summary.Counters;
        var table = new Table().Title("StreamRisk run summary").AddColumn("measure").AddColumn(new TableColumn("count").RightAligned());
        void Row(string name, long value) => table.AddRow(Markup.Escape(name), value.ToString("N0", CultureInfo.InvariantCulture));
        if (summary.ReferenceWarnings.Count > 0)
        {
            // Listed on stderr after the table, with file and line.
            Row("reference data warnings", summary.ReferenceWarnings.Count);
        }
        Row("input records", summary.InputRecords);
        if (summary.AlreadyStored > 0)
        {
            Row("  repeats of a record already taken in (same bytes)", summary.AlreadyStored);
        }
        if (summary.RepublishedDocuments > 0)
        {
            Row("documents resumed from an earlier, unfinished run", summary.RepublishedDocuments);
        }
        if (summary.Resumed > 0)
        {
            Row("inputs resumed from an earlier, unfinished run", summary.Resumed);
        }
        Row("news texts read by ingest", c.Inputs);
        Row("documents accepted (docs.v1)", c.Documents);
        Row("duplicates skipped", c.Duplicates);
        Row("issuer mentions", c.Mentions);
        Row("texts naming no issuer (industry path)", c.IssuerFreeDocuments);
        Row("firm sentiment events", c.FirmSentiments);
        Row("industry sentiment events", c.IndustrySentiments);
        if (c.IndustryLlmAnswers + c.IndustryLlmFallbacks > 0)
        {
            // Only with --industry-model: the built-in default's summary stays as it was.
            Row("  industry texts read by the LLM", c.IndustryLlmAnswers);
            // The LLM answered invalidly twice or was unavailable (the events say why, in "fallback").
            Row("  industry texts the built-in scorer took over", c.IndustryLlmFallbacks);
        }
        Row("daily index values (incl. revisions)", c.DailyValues);
        Row("risk scores", c.RiskScores);
        if (c.ShadowScores > 0)
        {
            Row("  scored by the shadow class model too", c.ShadowScores);
            Row("  where the shadow chose another class", c.ShadowDisagreements);
        }
        Row("alerts", c.Alerts);
        Row("dead letters", c.DeadLetters);
        foreach (var (reason, count) in c.DeadLettersByReason)
        {
            Row("  dead letters: " + reason, count);
        }
        if (c.TooLateTextCount > 0)
        {
            // Dead letters count sentiment events (one per issuer a text names); the exit code judges texts.
            Row("news texts refused as too late", c.TooLateTextCount);
        }
        AnsiConsole.Write(table);
        var seconds = Math.Max(summary.Elapsed.TotalSeconds, 1e-9);
        AnsiConsole.MarkupLineInterpolated(
            $"{summary.InputRecords:N0} records in {summary.Elapsed.TotalSeconds:0.00} s ({summary.InputRecords / seconds:N0} records/s); store: [blue]{summary.DatabasePath}[/]");
        if (summary.OutDirectory is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"topics written to [blue]{summary.OutDirectory}[/] ({summary.TopicCounts.Count} files)");
        }
        if (summary.ReplayMismatches is { Count: 0 })
        {
            AnsiConsole.MarkupLine("[green]replay equals the live run[/] (daily index, risk scores, alerts)");
        }
    }
}
