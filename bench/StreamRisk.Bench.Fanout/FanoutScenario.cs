using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using StreamRisk.Api;
using StreamRisk.Api.Access;
using StreamRisk.Core.Access;
using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Core.Reference;
using StreamRisk.Core.Subscriptions;
using StreamRisk.Infrastructure.Bus;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Notifications;

namespace StreamRisk.Bench.Fanout;

internal sealed record FanoutResult(
    int SseSubscribers, int WebhookReceivers, int Alerts, double Seconds,
    int SseExpected, int SseReceived, double SseP50, double SseP99, double SseMax,
    int WebhookExpected, int WebhookReceived, double WebhookP50, double WebhookP99, double WebhookMax,
    int Rejected, int Unknown, int FailedStreams,
    double WorkingSetBeforeMiB, double WorkingSetPeakMiB, double HeapBeforeMiB, double HeapPeakMiB,
    double HealthP50, double HealthP99);

/// <summary>
/// The real delivery path in one process: alerts produced on the in-process bus, the feed fan-out worker appending them
/// to every subscribed team's feed in SQLite (with the webhook deliveries), the API's SSE endpoint on loopback Kestrel
/// streaming them to one connection per team, and the webhook dispatcher POSTing them, signed, to loopback receivers.
/// The clients run in this process too, so the memory figures include both ends of every connection.
/// </summary>
internal static class FanoutScenario
{
    /// <param name="oneIssuerEach">Stream team i subscribes to the alerts of issuer i (mod the issuers) only, so each alert
    /// reaches a few streams; otherwise every team subscribes to every alert.</param>
    public static async Task<FanoutResult> RunAsync(ReferenceData reference, int sseSubscribers, int webhookReceivers, int alerts, double alertsPerSecond,
        string directory, bool oneIssuerEach = false)
    {
        Directory.CreateDirectory(directory);
        // A fresh file per scenario: SQLite's connection pool may still hold the previous one.
        var dbPath = Path.Combine(directory, $"fanout-{sseSubscribers}-{webhookReceivers}-{Guid.NewGuid():N}.db");
        var time = TimeProvider.System;
        var log = new LatencyLog();
        await using var teams = new SqliteTeamStore(dbPath);
        await teams.MigrateAsync();
        await using var subscriptions = new SqliteSubscriptionStore(dbPath);
        await using var receivers = await SignedReceivers.StartAsync(webhookReceivers, log);
        var setup = Stopwatch.StartNew();
        var issuers = reference.Issuers.Select(i => i.IssuerId).ToList();
        var tokens = await PrepareTeamsAsync(teams, subscriptions, sseSubscribers, receivers.Receivers, time.GetUtcNow(),
            oneIssuerEach ? i => [issuers[i % issuers.Count]] : _ => []);

        Console.WriteLine($"  ({sseSubscribers + webhookReceivers:N0} teams set up in {setup.Elapsed.TotalSeconds:0.0} s)");
        var signal = new FeedSignal();
        var access = new ApiAccess(teams, subscriptions, signal, time);
        await using var queries = new SqliteRiskQueries(dbPath);
        await using var app = QueryApi.Build(new QueryApiOptions { Urls = "http://127.0.0.1:0" }, queries, reference, access);
        await app.StartAsync();
        var server = new Uri(app.Urls.First());

        await using var bus = new InMemoryEventBus();
        foreach (var topic in FeedFanout.InputTopics)
        {
            await bus.EnsureTopicAsync(new TopicSpec(topic, 3));
        }
        await using var fanout = new FeedFanoutWorker(bus, subscriptions, new FeedFanout(reference), signal, time, NullLogger.Instance);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 });
        var dispatcher = new WebhookDispatcher(subscriptions, http, WebhookOptions.Default, time, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var background = new[] { fanout.RunAsync(stop.Token), dispatcher.RunAsync(stop.Token, signal) };

        var (healthP50, healthP99) = await HealthRoundTripAsync(server, 200);
        var (setBefore, heapBefore) = Memory(collect: true);

        await using var clients = new SseClients(server, log);
        clients.Connect(tokens);
        var connectDeadline = Stopwatch.StartNew();
        while (clients.Open + clients.Failed < tokens.Count && connectDeadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50);
        }
        if (clients.Open < tokens.Count)
        {
            throw new InvalidOperationException($"only {clients.Open} of {tokens.Count} streams opened ({clients.Failed} failed)");
        }

        double peakSet = setBefore, peakHeap = heapBefore;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                var (set, heap) = Memory(collect: false);
                peakSet = Math.Max(peakSet, set);
                peakHeap = Math.Max(peakHeap, heap);
                try
                {
                    await Task.Delay(100, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });

        var producer = bus.CreateProducer();
        await using (producer)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < alerts; i++)
            {
                var due = TimeSpan.FromSeconds(i / alertsPerSecond);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed);
                }
                var issuer = issuers[i % issuers.Count];
                var alert = new RiskAlert("bench-alert-" + i.ToString(CultureInfo.InvariantCulture), issuer, DateOnly.FromDateTime(DateTime.UtcNow),
                    "score_jump", "warning", "bench alert", 0.5, 0.3, []);
                log.Produced(alert.EventId);
                await producer.ProduceAsync(Topics.RiskAlerts, new BusMessage(issuer, EventJson.Serialize(alert)));
            }
        }
        // Stream team t wants alert a when it takes every alert, or when both fall on the same issuer.
        var sseExpected = oneIssuerEach
            ? Enumerable.Range(0, alerts).Sum(a => Enumerable.Range(0, sseSubscribers).Count(t => t % issuers.Count == a % issuers.Count))
            : alerts * sseSubscribers;
        var webhookExpected = alerts * webhookReceivers;
        var drain = Stopwatch.StartNew();
        while ((log.SseCount < sseExpected || log.WebhookCount < webhookExpected) && drain.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(20);
        }
        var seconds = drain.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;

        await stop.CancelAsync();
        try
        {
            await Task.WhenAll(background);
        }
        catch (OperationCanceledException)
        {
        }
        var sse = log.SseMs();
        var webhook = log.WebhookMs();
        var failed = clients.Failed;
        // Clients first: Kestrel's stop waits for open requests, and an SSE request ends only when its client goes.
        await clients.DisposeAsync();
        await app.StopAsync();
        return new FanoutResult(sseSubscribers, webhookReceivers, alerts, seconds,
            sseExpected, sse.Length, LatencyLog.Percentile(sse, 0.5), LatencyLog.Percentile(sse, 0.99), sse.LastOrDefault(double.NaN),
            webhookExpected, webhook.Length, LatencyLog.Percentile(webhook, 0.5), LatencyLog.Percentile(webhook, 0.99), webhook.LastOrDefault(double.NaN),
            receivers.Rejected, log.Unknown, failed, setBefore, peakSet, heapBefore, peakHeap, healthP50, healthP99);
    }

    /// <summary>Teams s0000.. each with a read+subscribe key and a subscription to every alert (their streams), and teams
    /// w0000.. each with a subscription to every alert delivered to its own webhook receiver.</summary>
    private static async Task<List<string>> PrepareTeamsAsync(SqliteTeamStore teams, SqliteSubscriptionStore subscriptions, int count,
        IReadOnlyList<(Uri Url, byte[] Secret)> receivers, DateTimeOffset now, Func<int, IReadOnlyList<string>> issuersOfStream)
    {
        var alertsOnly = SubscriptionFilter.Everything with { Kinds = [SubscriptionKind.Alert] };
        var tokens = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var team = "s" + i.ToString("D4", CultureInfo.InvariantCulture);
            await teams.AddTeamAsync(new Team(team, team, now));
            var (token, key) = ApiKeyToken.Issue(team, ApiScopes.Read | ApiScopes.Subscribe, "bench", now);
            await teams.AddApiKeyAsync(key);
            await subscriptions.AddSubscriptionAsync(new Subscription("sub_sse_" + team, team, "stream", alertsOnly with { Issuers = issuersOfStream(i) },
                null, null, now));
            tokens.Add(token);
        }
        for (var i = 0; i < receivers.Count; i++)
        {
            var team = "w" + i.ToString("D4", CultureInfo.InvariantCulture);
            await teams.AddTeamAsync(new Team(team, team, now));
            await subscriptions.AddSubscriptionAsync(new Subscription("sub_hook_" + team, team, "webhook", alertsOnly,
                receivers[i].Url, receivers[i].Secret, now));
        }
        return tokens;
    }

    /// <summary>A plain loopback HTTP round trip to the same server (<c>/health</c>): the floor any delivery sits on.</summary>
    private static async Task<(double P50, double P99)> HealthRoundTripAsync(Uri server, int count)
    {
        using var client = new HttpClient { BaseAddress = server };
        var times = new double[count];
        for (var i = -20; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            response.EnsureSuccessStatusCode();
            if (i >= 0)
            {
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }
        Array.Sort(times);
        return (LatencyLog.Percentile(times, 0.5), LatencyLog.Percentile(times, 0.99));
    }

    private static (double WorkingSetMiB, double HeapMiB) Memory(bool collect)
    {
        if (collect)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64 / 1048576.0, GC.GetTotalMemory(false) / 1048576.0);
    }
}
