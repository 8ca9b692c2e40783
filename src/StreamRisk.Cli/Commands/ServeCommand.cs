using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StreamRisk.Api;
using StreamRisk.Api.Access;
using StreamRisk.Core.Subscriptions;
using StreamRisk.Pipeline.Notifications;
using StreamRisk.Pipeline.Telemetry;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Hosting;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary>
/// <c>streamrisk serve</c>: the API over an existing store. The pipeline's tables are only read (a SQLite file through
/// read-only connections, never the writer lock), so it runs beside a <c>streamrisk run</c> writing the same <c>--db</c>
/// and shows each batch once that run commits it; what it writes is the teams' own: subscriptions, and the webhook
/// delivery log, which it works through (signed POSTs, retries). On Kafka (<c>--bus kafka</c>) it also fans the
/// pipeline's alerts, scores and topic matches out to the teams' feeds; embedded, <c>run</c> does that itself.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var settings = new SettingsOptions();
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen, semicolon-separated (default {QueryApiOptions.DefaultUrls}: this machine only; "
                + "http://0.0.0.0:8080 exposes it to the network).",
            DefaultValueFactory = _ => QueryApiOptions.DefaultUrls,
        };
        var reference = CommonOptions.Reference();
        var command = new Command("serve", "Serve the API (REST under /api/v1, each call with a team's API key; live feed as SSE at "
            + "/api/v1/stream; OpenAPI at /openapi/v1.json, reference page at /docs, Prometheus at /metrics) over an existing store, until "
            + "Ctrl+C, and deliver the teams' webhooks. Reads the pipeline's data beside a running `streamrisk run` if need be; a --db that "
            + "does not exist is refused (exit 2), never created. --postgres alone selects the PostgreSQL store; --bus kafka also fans "
            + "the pipeline's events out to the teams' feeds.") { urls, reference };
        settings.AddTo(command);
        command.SetAction((result, cancellationToken) => CommandErrors.GuardAsync("serve", async () =>
        {
            var configured = settings.Read(result) with { Bus = BusKind.Embedded };
            if (result.GetValue(settings.Postgres) is not null && result.GetValue(settings.Store) is null)
            {
                configured = configured with { Store = StoreKind.Postgres };
            }
            if (result.GetValue(settings.Bus) is { } bus)
            {
                configured = configured with { Bus = PipelineSettings.ParseBus(bus, "--bus") };
            }
            configured = configured.Validated();
            var listen = result.GetValue(urls)!;
            CheckUrls(listen);
            if (configured.Store == StoreKind.Sqlite)
            {
                SqliteStoreFile.Check(configured.SqlitePath, mustExist: true);
            }
            var referenceData = WorkerHost.LoadReference(result.GetValue(reference));
            await using var queries = RiskStoreFactory.CreateQueries(configured);
            await using var teams = RiskStoreFactory.CreateTeamStore(configured, mustExist: true);
            await using var subscriptions = RiskStoreFactory.CreateSubscriptionStore(configured, mustExist: true);
            // A store written before teams existed gets their tables; the pipeline's tables are left as they are.
            await teams.MigrateAsync(cancellationToken);
            var signal = new FeedSignal();
            using var http = new HttpClient();
            FeedFanoutWorker? fanout = null;
            WebhookDispatcher? dispatcher = null;
            // Read at scrape time: the dispatcher and the fan-out are made once the app (and its logging) exists.
            var access = new ApiAccess(teams, subscriptions, signal, TimeProvider.System, () => PrometheusText.Render(
                new PipelineMetrics
                {
                    Webhooks = dispatcher?.Counters,
                    FeedEntries = fanout is null ? null : () => fanout.Appended,
                    StageLags = fanout is null ? null : () => [("feed", fanout.Lag)],
                }.Collect()));
            await using var app = QueryApi.Build(new QueryApiOptions { Urls = listen }, queries, referenceData, access);
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("StreamRisk.Serve");
            dispatcher = new WebhookDispatcher(subscriptions, http, WebhookOptions.Default, TimeProvider.System, logger);
            await using var eventBus = configured.Bus == BusKind.Kafka ? EventBusFactory.Create(configured) : null;
            if (eventBus is not null)
            {
                fanout = new FeedFanoutWorker(eventBus, subscriptions, new FeedFanout(referenceData), signal, TimeProvider.System, logger);
            }
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var background = new List<Task> { dispatcher.RunAsync(stopping.Token, signal) };
            if (fanout is not null)
            {
                background.Add(fanout.RunAsync(stopping.Token));
            }
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException ex)
            {
                throw new ConfigurationException($"cannot listen on {listen} ({ex.Message}); pass another --urls", ex);
            }
            // The bound addresses, not the requested ones: port 0 asks the system for a free port.
            Console.WriteLine($"serving {configured.DescribeStore()} on {string.Join(' ', app.Urls)} (reference page: /docs); Ctrl+C stops");
            await app.WaitForShutdownAsync(cancellationToken);
            await stopping.CancelAsync();
            try
            {
                await Task.WhenAll(background);
            }
            catch (OperationCanceledException)
            {
                // Stopped, as asked.
            }
            if (fanout is not null)
            {
                await fanout.DisposeAsync();
            }
            return 0;
        }));
        return command;
    }

    /// <summary>Refuses a --urls value Kestrel could not listen on, naming it (exit 2).</summary>
    public static void CheckUrls(string listen)
    {
        foreach (var url in listen.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            {
                throw new ConfigurationException($"--urls: '{url}' is not an http URL such as {QueryApiOptions.DefaultUrls}");
            }
        }
    }
}
