using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using StreamRisk.Bench;
using StreamRisk.Bench.Kafka;

// Kafka path, on librdkafka's in-process mock cluster (real wire protocol, topics of infra/kafka/topics.json): the
// pipeline's ingest -> enrich -> firm sentiment against a no-op relay on the same topics, measured in one run.
// Usage: StreamRisk.Bench.Kafka [--docs 20000] [--warmup 2000] [--batch 512] [--rate 1000] [--seconds 10] [--fetch-wait-ms 10] [--write]
var argsList = args.ToList();
var docs = ArgValue(argsList, "--docs", 20_000);
var warmUp = ArgValue(argsList, "--warmup", 2_000);
var batch = ArgValue(argsList, "--batch", 512);
var rate = ArgValue(argsList, "--rate", 1_000);
var seconds = ArgValue(argsList, "--seconds", 10);
var write = argsList.Contains("--write");
BenchBus.FetchWaitMs = ArgValue(argsList, "--fetch-wait-ms", BenchBus.FetchWaitMs);

var loadBefore = LoadAverage();
var corpus = BenchCorpus.Load();
Console.WriteLine($"corpus: {corpus.Templates.Count} template texts, {corpus.Reference.Issuers.Count} issuers; load average {loadBefore}");

var relay = await KafkaThroughput.RelayAsync(corpus, warmUp, docs, batch, hops: 3);
Console.WriteLine($"reference: no-op relay news.raw.v1 -> docs.v1 -> mentions.v1 -> sentiment.firm.v1 (consume, produce, flush, commit; one task per hop): {relay.DocsPerSecond:N0} docs/s over {docs:N0} docs");
var oneHop = await KafkaThroughput.RelayAsync(corpus, warmUp, docs, batch, hops: 1);
Console.WriteLine($"  one hop only, news.raw.v1 -> docs.v1: {oneHop.DocsPerSecond:N0} docs/s");
var sqlite = await KafkaThroughput.PipelineAsync(corpus, warmUp, docs, batch, discardStoreWrites: false);
var ratio = sqlite.DocsPerSecond / relay.DocsPerSecond;
Console.WriteLine($"ingest->enrich->firm sentiment over Kafka, SQLite store: {sqlite.DocsPerSecond:N0} docs/s = {ratio:P0} of the relay (target >= 50 %) {(ratio >= 0.5 ? "MET" : "MISSED")}");
var discard = await KafkaThroughput.PipelineAsync(corpus, warmUp, docs, batch, discardStoreWrites: true);
var discardRatio = discard.DocsPerSecond / relay.DocsPerSecond;
Console.WriteLine($"  same, store writes discarded: {discard.DocsPerSecond:N0} docs/s = {discardRatio:P0} of the relay");
var latency = await FirmLatency.MeasureAsync(corpus, warmUp, rate, TimeSpan.FromSeconds(seconds), batch);
Console.WriteLine($"raw produce -> firm-sentiment produce at {latency.AchievedRate:N0} docs/s (asked {rate:N0}) for {seconds} s, {latency.Events:N0} events: "
    + $"p50 {latency.P50Ms:0.0} ms, p99 {latency.P99Ms:0.0} ms, max {latency.MaxMs:0.0} ms");
var loadAfter = LoadAverage();
Console.WriteLine($"load average after: {loadAfter}");

if (write)
{
    var machine = $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, librdkafka {Confluent.Kafka.Library.VersionString}";
    var text = new StringBuilder()
        .AppendLine("## Kafka path")
        .AppendLine()
        .AppendLine(string.Create(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {machine}, against librdkafka's in-process mock cluster ")
            + "(real wire protocol; one broker; topics and partitions of infra/kafka/topics.json; a fresh cluster per row). "
            + $"The machine is shared: 1/5/15-minute load average {loadBefore} before, {loadAfter} after. "
            + $"Consumers use fetch.wait.max.ms = {BenchBus.FetchWaitMs} (relay and pipeline alike): the mock holds an empty fetch for the whole wait, "
            + "where a real broker answers as soon as data arrives, so librdkafka's default 500 ms would charge every hop of the pipeline up to half a second.")
        .AppendLine(CultureInfo.InvariantCulture, $"Command: `dotnet run -c Release --project bench/StreamRisk.Bench.Kafka -- --docs {docs} --warmup {warmUp} --batch {batch} --rate {rate} --seconds {seconds} --fetch-wait-ms {BenchBus.FetchWaitMs} --write`")
        .AppendLine()
        .AppendLine(string.Create(CultureInfo.InvariantCulture, $"Each consumer is pumped on its own task as `streamrisk worker` runs it (batches of up to {batch}; ")
            + "produce all, wait for the deliveries, flush, then commit; the pipeline's stages write their state and outbox in one SQLite "
            + "transaction before publishing). The relay does the same on the same three hops with no work and no store in between. "
            + string.Create(CultureInfo.InvariantCulture, $"A warm-up of {warmUp:N0} texts joins every group first; the {docs:N0} measured texts are pre-loaded into news.raw.v1 before the clock starts."))
        .AppendLine()
        .AppendLine("| benchmark | figure | reference / target | verdict |")
        .AppendLine("|---|---|---|---|")
        .AppendLine(CultureInfo.InvariantCulture, $"| no-op relay news.raw.v1 → docs.v1 → mentions.v1 → sentiment.firm.v1, one task per hop (reference) | {relay.DocsPerSecond:N0} docs/s | | |")
        .AppendLine(CultureInfo.InvariantCulture, $"| no-op relay news.raw.v1 → docs.v1 only (the reference before 2026-11-26) | {oneHop.DocsPerSecond:N0} docs/s | (diagnostic) | |")
        .AppendLine(CultureInfo.InvariantCulture, $"| ingest→enrich→firm sentiment over Kafka, transactional outbox, SQLite store | {sqlite.DocsPerSecond:N0} docs/s = {ratio:P0} of the relay | ≥ 50 % of the relay | {(ratio >= 0.5 ? "met" : "missed")} |")
        .AppendLine(CultureInfo.InvariantCulture, $"| same, store writes discarded | {discard.DocsPerSecond:N0} docs/s = {discardRatio:P0} of the relay | (diagnostic) | |")
        .AppendLine(CultureInfo.InvariantCulture, $"| raw produce → firm-sentiment produce, p50 at {latency.AchievedRate:N0} docs/s ({latency.Events:N0} events, SQLite) | {latency.P50Ms:0.0} ms | | |")
        .AppendLine(CultureInfo.InvariantCulture, $"| same, p99 | {latency.P99Ms:0.0} ms | (no target on this path) | |")
        .AppendLine(CultureInfo.InvariantCulture, $"| same, max | {latency.MaxMs:0.0} ms | | |")
        .ToString();
    BenchResults.WriteSection("Kafka path", text);
    Console.WriteLine("written to bench/RESULTS.md");
}

static int ArgValue(List<string> args, string name, int fallback)
{
    var i = args.IndexOf(name);
    return i >= 0 && i + 1 < args.Count ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
