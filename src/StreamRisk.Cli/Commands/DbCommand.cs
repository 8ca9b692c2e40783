using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using StreamRisk.Pipeline.Hosting;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary><c>streamrisk db migrate</c>: creates or upgrades the store's schema; safe to run again, and from several
/// containers at once (PostgreSQL migrations hold an advisory lock).</summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var settings = new SettingsOptions();
        var retries = new Option<int>("--retries")
        {
            Description = "Times to retry, one second apart, while the store cannot be reached (it may still be starting); then exit 2.",
            DefaultValueFactory = _ => 60,
        };
        var migrate = new Command("migrate", "Create or upgrade the store's schema (idempotent; waits for a store that is still starting). "
            + "A SQLite file of another program, or of a newer StreamRisk, is refused (exit 2), never migrated.") { retries };
        settings.AddTo(migrate, withBus: false);
        migrate.SetAction((result, cancellationToken) => CommandErrors.GuardAsync("db migrate", async () =>
        {
            var retryCount = result.GetValue(retries);
            if (retryCount < 0)
            {
                throw new ConfigurationException($"--retries must be 0 or more (got {retryCount})");
            }
            var attempts = retryCount + 1;
            // Only the store matters here: the bus variables may name a cluster this container cannot see yet.
            var configured = (settings.Read(result) with { Bus = BusKind.Embedded }).Validated();
            await using var store = RiskStoreFactory.Create(configured);
            try
            {
                await WorkerHost.MigrateWithRetryAsync(store, NullLogger.Instance, cancellationToken, attempts);
            }
            catch (Exception ex) when (IsUnreachable(ex))
            {
                throw new ConfigurationException($"cannot reach the store {configured.DescribeStore()} after {attempts - 1} retries ({ex.Message}); "
                    + $"check --postgres / {PipelineSettings.PostgresVariable} and that the server is up, or retry longer with --retries", ex);
            }
            var counts = await store.CountAsync(cancellationToken);
            Console.WriteLine($"migrated {configured.DescribeStore()}: {counts.Documents} documents, {counts.DeadLetters} dead letters");
            return 0;
        }));
        return new Command("db", "Store administration.") { migrate };
    }

    /// <summary>What <see cref="WorkerHost.MigrateWithRetryAsync"/> retries: the server is down or not there, not the
    /// store's content.</summary>
    private static bool IsUnreachable(Exception ex) =>
        ex is System.Net.Sockets.SocketException or TimeoutException or Npgsql.NpgsqlException
        || ex.InnerException is { } inner && IsUnreachable(inner);
}
