using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using StreamRisk.Bench;
using StreamRisk.Bench.Fanout;

// Alert fan-out to many SSE subscribers and webhook receivers, next to the same path with one of each and a plain
// loopback round trip, measured in this run.
// Usage: StreamRisk.Bench.Fanout [--subscribers 1000] [--webhooks 100] [--alerts 100] [--rate 5] [--write]
var argsList = args.ToList();
var subscribers = ArgValue(argsList, "--subscribers", 1000);
var webhooks = ArgValue(argsList, "--webhooks", 100);
var alerts = ArgValue(argsList, "--alerts", 100);
var rate = ArgValue(argsList, "--rate", 5);
var write = argsList.Contains("--write");
var directory = Path.Combine(Path.GetTempPath(), "streamrisk-bench-fanout-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

var reference = BenchCorpus.Load().Reference;
try
{
    // Not measured: brings the JIT, the connection pools and SQLite's page cache to where a running server has them.
    await FanoutScenario.RunAsync(reference, 1, 1, 10, rate, directory);
    var single = await FanoutScenario.RunAsync(reference, 1, 1, alerts, rate, directory);
    Print("reference: 1 SSE subscriber, 1 webhook", single);
    var many = await FanoutScenario.RunAsync(reference, subscribers, webhooks, alerts, rate, directory);
    Print($"{subscribers:N0} SSE subscribers, {webhooks:N0} webhooks", many);
    var narrow = await FanoutScenario.RunAsync(reference, subscribers, webhooks, alerts, rate, directory, oneIssuerEach: true);
    Print($"{subscribers:N0} SSE subscribers each to one issuer's alerts, {webhooks:N0} webhooks", narrow);
    if (write)
    {
        BenchResults.WriteSection("Alert fan-out", Markdown(single, many, narrow, subscribers, webhooks, alerts, rate));
        Console.WriteLine("written to bench/RESULTS.md");
    }
}
finally
{
    Directory.Delete(directory, recursive: true);
}

static void Print(string title, FanoutResult r)
{
    Console.WriteLine($"{title}: {r.Alerts} alerts in {r.Seconds:0.0} s after the last was produced");
    Console.WriteLine($"  SSE      {r.SseReceived:N0}/{r.SseExpected:N0} delivered, p50 {r.SseP50:0.0} ms, p99 {r.SseP99:0.0} ms, max {r.SseMax:0.0} ms");
    Console.WriteLine($"  webhook  {r.WebhookReceived:N0}/{r.WebhookExpected:N0} delivered, p50 {r.WebhookP50:0.0} ms, p99 {r.WebhookP99:0.0} ms, max {r.WebhookMax:0.0} ms; "
        + $"{r.Rejected} bad signatures, {r.Unknown} unknown events, {r.FailedStreams} failed streams");
    Console.WriteLine($"  memory   working set {r.WorkingSetBeforeMiB:N0} -> peak {r.WorkingSetPeakMiB:N0} MiB, GC heap {r.HeapBeforeMiB:N0} -> peak {r.HeapPeakMiB:N0} MiB");
    Console.WriteLine($"  loopback GET /health p50 {r.HealthP50:0.00} ms, p99 {r.HealthP99:0.00} ms");
}

static string Markdown(FanoutResult one, FanoutResult many, FanoutResult narrow, int subscribers, int webhooks, int alerts, int rate)
{
    var machine = $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    string Row(string what, Func<FanoutResult, string> figure) => $"| {what} | {figure(one)} | {figure(many)} | {figure(narrow)} |\n";
    return new StringBuilder()
        .AppendLine("## Alert fan-out")
        .AppendLine()
        .AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {machine} (shared with other builds).")
        .AppendLine(CultureInfo.InvariantCulture, $"Command: `nice -n 10 dotnet run -c Release --project bench/StreamRisk.Bench.Fanout -- --subscribers {subscribers} --webhooks {webhooks} --alerts {alerts} --rate {rate} --write`")
        .AppendLine()
        .AppendLine(CultureInfo.InvariantCulture, $"{alerts} alerts at {rate}/s produced on the in-process bus → feed fan-out worker → SQLite team feeds and delivery log → SSE")
        .AppendLine("(`/api/v1/stream` on loopback Kestrel, one connection per team key) and the webhook dispatcher (signed POSTs to loopback")
        .AppendLine("receivers that verify the HMAC). Latency: alert produced → event read by the client. Clients run in the same process,")
        .AppendLine("so memory counts both ends of each connection; \"before\" is after setup with no stream open (forced GC), \"peak\" is")
        .AppendLine("sampled every 100 ms while streams are open and alerts flow. In the last column stream team i subscribes to the alerts")
        .AppendLine("of issuer i only (issuers taken in turn), so each alert reaches a few streams.")
        .AppendLine()
        .AppendLine("| figure | reference: 1 SSE subscriber, 1 webhook | " + $"{subscribers:N0} SSE subscribers (every alert), {webhooks:N0} webhooks | "
            + $"{subscribers:N0} SSE subscribers (one issuer each), {webhooks:N0} webhooks |")
        .AppendLine("|---|---|---|---|")
        .Append(Row("SSE events delivered", r => $"{r.SseReceived:N0} / {r.SseExpected:N0}"))
        .Append(Row("SSE latency p50 / p99 / max", r => $"{r.SseP50:0.0} / {r.SseP99:0.0} / {r.SseMax:0.0} ms"))
        .Append(Row("webhooks delivered (signature checked)", r => $"{r.WebhookReceived:N0} / {r.WebhookExpected:N0}, {r.Rejected} rejected"))
        .Append(Row("webhook latency p50 / p99 / max", r => $"{r.WebhookP50:0.0} / {r.WebhookP99:0.0} / {r.WebhookMax:0.0} ms"))
        .Append(Row("working set before → peak", r => $"{r.WorkingSetBeforeMiB:N0} → {r.WorkingSetPeakMiB:N0} MiB"))
        .Append(Row("GC heap before → peak", r => $"{r.HeapBeforeMiB:N0} → {r.HeapPeakMiB:N0} MiB"))
        .Append(Row("loopback GET /health p50 / p99 (floor)", r => $"{r.HealthP50:0.00} / {r.HealthP99:0.00} ms"))
        .ToString();
}

static int ArgValue(List<string> args, string name, int fallback)
{
    var i = args.IndexOf(name);
    return i >= 0 && i + 1 < args.Count ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
