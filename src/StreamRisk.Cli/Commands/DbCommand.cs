using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using StreamRisk.Pipeline.Hosting;

namespace StreamRisk.Cli.Commands;

/// <summary><c>streamrisk db migrate</c>: creates or upgrades the store's schema; safe to run again, and from several
/// containers at once (PostgreSQL migrations hold an advisory lock).</summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var settings = new SettingsOptions();
        var migrate = new Command("migrate", "Create or upgrade the store's schema (idempotent; waits for a store that is still starting).");
        settings.AddTo(migrate, withBus: false);
        migrate.SetAction((result, cancellationToken) => CommandErrors.GuardAsync("db migrate", async () =>
        {
            // Only the store matters here: the bus variables may name a cluster this container cannot see yet.
            var configured = (settings.Read(result) with { Bus = BusKind.Embedded }).Validated();
            await using var store = RiskStoreFactory.Create(configured);
            await WorkerHost.MigrateWithRetryAsync(store, NullLogger.Instance, cancellationToken);
            var counts = await store.CountAsync(cancellationToken);
            Console.WriteLine($"migrated {configured.DescribeStore()}: {counts.Documents} documents, {counts.DeadLetters} dead letters");
            return 0;
        }));
        return new Command("db", "Store administration.") { migrate };
    }
}
