using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StreamRisk.Api;
using StreamRisk.Api.Access;
using StreamRisk.Core.Access;
using StreamRisk.Core.Subscriptions;
using StreamRisk.Infrastructure.Reference;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Evaluation;
using StreamRisk.Pipeline.Hosting;
using StreamRisk.Pipeline.Notifications;
using StreamRisk.Pipeline.Running;
using StreamRisk.Pipeline.Telemetry;

namespace StreamRisk.Cli.Commands;

/// <summary>
/// <c>streamrisk live</c>: everything in one process, on the embedded defaults — a simulated market whose news arrives in
/// real time (or input files that grow), the pipeline following it, and the API with the dashboard over the store it
/// writes. A team "live" gets a fresh key and a subscription to every alert, so the dashboard fills in within a minute.
/// </summary>
internal static class LiveCommand
{
    public const string Team = "live";

    public static Command Create()
    {
        var input = new Option<string[]>("--input", "-i")
        {
            Description = "Follow these files or folders as they grow instead of simulating a market (repeatable; lines are taken in once complete).",
            AllowMultipleArgumentsPerToken = true,
        };
        var issuers = new Option<int>("--issuers") { Description = "Issuers of the simulated market (1..2000).", DefaultValueFactory = _ => 50 };
        var years = new Option<int>("--years") { Description = "Years the simulated market runs (1..10).", DefaultValueFactory = _ => 2 };
        var rate = new Option<double>("--rate") { Description = "Simulated news texts per second (0.1..1000).", DefaultValueFactory = _ => 20 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the simulated market.", DefaultValueFactory = _ => 1 };
        var db = new Option<string>("--db") { Description = "SQLite store (created if missing; a re-run over it takes in only what is new).", DefaultValueFactory = _ => "out/live/streamrisk.db" };
        var urls = new Option<string>("--urls") { Description = $"Where the API and dashboard listen (default {QueryApiOptions.DefaultUrls}).", DefaultValueFactory = _ => QueryApiOptions.DefaultUrls };
        var reference = CommonOptions.Reference();
        var firm = ModelCommandOptions.FirmModelOption();
        var command = new Command("live", "Run the pipeline continuously over a simulated market whose news arrives in real time (or over input files "
            + "that grow, --input) and serve the API and dashboard on http://127.0.0.1:8080 until Ctrl+C. Prints a dashboard link holding a "
            + "fresh API key of team 'live', which is subscribed to every alert.")
        {
            input, issuers, years, rate, seed, db, urls, reference, firm,
        };
        command.SetAction((result, cancellationToken) => CommandErrors.GuardAsync("live", () => RunAsync(new LiveOptions(
            result.GetValue(input) ?? [], result.GetValue(issuers), result.GetValue(years), result.GetValue(rate), result.GetValue(seed),
            result.GetValue(db)!, result.GetValue(urls)!, result.GetValue(reference), result.GetValue(firm)!), cancellationToken)));
        return command;
    }

    private sealed record LiveOptions(string[] Inputs, int Issuers, int Years, double Rate, ulong Seed, string Db, string Urls, string? Reference, string FirmModel);

    private static async Task<int> RunAsync(LiveOptions options, CancellationToken stop)
    {
        if (options.Inputs.Length == 0)
        {
            if (options.Issuers is < 1 or > 2000) throw new ConfigurationException($"--issuers must be in 1..2000 (got {options.Issuers})");
            if (options.Years is < 1 or > 10) throw new ConfigurationException($"--years must be in 1..10 (got {options.Years})");
            if (!(options.Rate is >= 0.1 and <= 1000)) throw new ConfigurationException($"--rate must be in 0.1..1000 texts per second (got {options.Rate})");
        }
        ServeCommand.CheckUrls(options.Urls);
        var dbPath = Path.GetFullPath(options.Db);
        Directory.CreateDirectory(Path.GetDirectoryName(dbPath)!);
        SqliteStoreFile.Check(dbPath);

        await using var teams = new SqliteTeamStore(dbPath);
        await teams.MigrateAsync(stop);
        await using var subscriptions = new SqliteSubscriptionStore(dbPath);
        var token = await PrepareTeamAsync(teams, subscriptions, stop);

        // The simulated market is written beside the store and followed like any input.
        var market = Path.Combine(Path.GetDirectoryName(dbPath)!, "market");
        using var stopSimulation = CancellationTokenSource.CreateLinkedTokenSource(stop);
        Task? simulation = null;
        string[] inputs = options.Inputs;
        string? issuersFile = null;
        if (inputs.Length == 0)
        {
            simulation = MarketSimulationRun.RunAsync(new SimulateOptions
            {
                Issuers = options.Issuers, Years = options.Years, Seed = options.Seed, OutDirectory = market, NewsPerSecond = options.Rate,
                ReferenceDirectory = options.Reference,
            }, null, TimeProvider.System, stopSimulation.Token);
            issuersFile = Path.Combine(market, "issuers.csv");
            await WaitForAsync(issuersFile, simulation, stop);
            inputs = [Path.Combine(market, "fundamentals.jsonl"), Path.Combine(market, "spreads.jsonl"), Path.Combine(market, "news.jsonl")];
        }

        var referenceData = ReferenceDataLoader.Load(ReferenceDataLocation.Resolve(options.Reference), issuersFile);
        var signal = new FeedSignal();
        using var http = new HttpClient();
        WebhookDispatcher? dispatcher = null;
        FeedObserver? feed = null;
        // The run inside counts into this, so /metrics shows the pipeline's own series beside the feed's and the webhooks'.
        var telemetry = new RunTelemetry();
        var access = new ApiAccess(teams, subscriptions, signal, TimeProvider.System, () => PrometheusText.Render(
            new PipelineMetrics
            {
                Counters = telemetry.Counters,
                StageLags = telemetry.StageLags,
                Webhooks = dispatcher?.Counters,
                FeedEntries = feed is null ? null : () => feed.Appended,
            }.Collect()));
        await using var queries = new SqliteRiskQueries(dbPath);
        await using var app = QueryApi.Build(new QueryApiOptions { Urls = options.Urls }, queries, referenceData, access);
        try
        {
            await app.StartAsync(stop);
        }
        catch (IOException ex)
        {
            throw new ConfigurationException($"cannot listen on {options.Urls} ({ex.Message}); pass another --urls", ex);
        }
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("StreamRisk.Live");
        dispatcher = new WebhookDispatcher(subscriptions, http, WebhookOptions.Default, TimeProvider.System, logger);
        feed = new FeedObserver(subscriptions, new FeedFanout(referenceData), signal, TimeProvider.System, logger);
        using var background = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var delivering = dispatcher.RunAsync(background.Token, signal);

        var address = app.Urls.First().TrimEnd('/');
        Console.WriteLine($"dashboard: {address}/#key={token}");
        Console.WriteLine($"API key of team '{Team}' (read, subscribe): {token}");
        Console.WriteLine($"store: {dbPath}; {(simulation is null ? "following " + string.Join(", ", inputs) : $"simulated market in {market} at {options.Rate:0.#} texts/s")}; Ctrl+C stops");

        // The run follows until Ctrl+C, then finishes what arrived: it gets its own token so that finishing is not cut short.
        var summary = await PipelineRun.RunAsync(new RunOptions
        {
            Inputs = inputs,
            DatabasePath = dbPath,
            IssuersFile = issuersFile,
            ReferenceDirectory = options.Reference,
            Models = new ModelOptions { FirmModel = options.FirmModel },
            Follow = new FollowOptions(TimeSpan.FromMilliseconds(250), stop),
            Observer = feed,
            Telemetry = telemetry,
        }, null, CancellationToken.None);

        await stopSimulation.CancelAsync();
        await background.CancelAsync();
        await Quietly(simulation);
        await Quietly(delivering);
        await feed.DisposeAsync();
        await app.StopAsync(CancellationToken.None);
        Console.WriteLine($"stopped: {summary.InputRecords:N0} records taken in, {summary.Store.Alerts:N0} alerts in the store, {feed.Appended:N0} feed entries");
        return 0;
    }

    /// <summary>Team "live" with a fresh key, subscribed to every alert (once).</summary>
    private static async Task<string> PrepareTeamAsync(SqliteTeamStore teams, SqliteSubscriptionStore subscriptions, CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow();
        await teams.AddTeamAsync(new Team(Team, "streamrisk live", now), cancellationToken);
        var (token, key) = ApiKeyToken.Issue(Team, ApiScopes.Read | ApiScopes.Subscribe, $"streamrisk live {now:yyyy-MM-dd HH:mm}Z", now);
        await teams.AddApiKeyAsync(key, cancellationToken);
        if ((await subscriptions.GetSubscriptionsAsync(Team, cancellationToken)).Count == 0)
        {
            await subscriptions.AddSubscriptionAsync(new Subscription("sub_live_alerts", Team, "every alert",
                SubscriptionFilter.Everything with { Kinds = [SubscriptionKind.Alert] }, null, null, now), cancellationToken);
        }
        return token;
    }

    private static async Task WaitForAsync(string file, Task simulation, CancellationToken cancellationToken)
    {
        while (!File.Exists(file))
        {
            if (simulation.IsCompleted)
            {
                await simulation; // its error, if it failed
                throw new ConfigurationException($"the simulation ended without writing {file}");
            }
            await Task.Delay(50, cancellationToken);
        }
    }

    private static async Task Quietly(Task? task)
    {
        if (task is null) return;
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }
    }
}
