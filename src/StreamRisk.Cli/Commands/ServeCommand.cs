using System.CommandLine;
using Microsoft.Extensions.Hosting;
using StreamRisk.Api;
using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Hosting;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary>
/// <c>streamrisk serve</c>: the read-only query API over an existing store. It only reads: it never migrates, never takes
/// the store's writer lock and opens a SQLite file read-only, so it runs beside a <c>streamrisk run</c> writing the
/// same <c>--db</c> and shows each batch once that run commits it.
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
        var command = new Command("serve", "Serve the read-only query API (REST under /api/v1, OpenAPI at /openapi/v1.json, reference page "
            + "at /docs) over an existing store, until Ctrl+C. Only reads, beside a running `streamrisk run` if need be; a --db that does not "
            + "exist is refused (exit 2), never created. --postgres alone selects the PostgreSQL store.") { urls, reference };
        settings.AddTo(command, withBus: false);
        command.SetAction((result, cancellationToken) => CommandErrors.GuardAsync("serve", async () =>
        {
            var configured = settings.Read(result) with { Bus = BusKind.Embedded };
            if (result.GetValue(settings.Postgres) is not null && result.GetValue(settings.Store) is null)
            {
                configured = configured with { Store = StoreKind.Postgres };
            }
            configured = configured.Validated();
            var listen = result.GetValue(urls)!;
            foreach (var url in listen.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
                {
                    throw new ConfigurationException($"--urls: '{url}' is not an http URL such as {QueryApiOptions.DefaultUrls}");
                }
            }
            if (configured.Store == StoreKind.Sqlite)
            {
                SqliteStoreFile.Check(configured.SqlitePath, mustExist: true);
            }
            var referenceData = WorkerHost.LoadReference(result.GetValue(reference));
            await using var queries = RiskStoreFactory.CreateQueries(configured);
            await using var app = QueryApi.Build(new QueryApiOptions { Urls = listen }, queries, referenceData);
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
            return 0;
        }));
        return command;
    }
}
