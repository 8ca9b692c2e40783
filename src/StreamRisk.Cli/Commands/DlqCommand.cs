using System.CommandLine;
using StreamRisk.Pipeline.Hosting;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary><c>streamrisk dlq list|redrive</c>: what was refused and why; send chosen dead letters back to their topic.</summary>
internal static class DlqCommand
{
    public static Command Create() => new("dlq", "Dead letters (dlq.v1): list them, or send them back to their source topic.")
    {
        List(), Redrive(),
    };

    private static Command List()
    {
        var settings = new SettingsOptions();
        var limit = new Option<int>("--limit") { Description = "Dead letters to print after the reason counts.", DefaultValueFactory = _ => 20 };
        var command = new Command("list", "Count dead letters by stage and reason, then print the latest ones. Only reads: a --db that does "
            + "not exist is refused (exit 2), never created.") { limit };
        settings.AddTo(command, withBus: false);
        command.SetAction((result, cancellationToken) => CommandErrors.GuardAsync("dlq list", async () =>
        {
            // Listing must not leave an empty store behind where a mistyped --db pointed.
            await using var store = RiskStoreFactory.Create(settings.Read(result) with { Bus = BusKind.Embedded }, mustExist: true);
            await store.MigrateAsync(cancellationToken);
            var letters = await store.GetDeadLettersAsync(cancellationToken);
            Console.WriteLine($"{letters.Count} dead letters");
            foreach (var r in DeadLetterSummary.ByReason(letters))
            {
                Console.WriteLine($"{r.Count,8}  {r.Stage,-18} {r.ReasonCode,-20} e.g. {r.Example}");
            }
            foreach (var l in letters.Take(Math.Max(0, result.GetValue(limit))))
            {
                Console.WriteLine($"{l.DeadLetterId}  {l.ReasonCode}  {l.ErrorType ?? "-"}  {l.Reason}");
            }
            return 0;
        }));
        return command;
    }

    private static Command Redrive()
    {
        var settings = new SettingsOptions();
        var ids = new Option<string[]>("--id") { Description = "Dead-letter id to send back (repeatable).", AllowMultipleArgumentsPerToken = true };
        var reason = new Option<string?>("--reason") { Description = "Send back every dead letter with this reason code (e.g. unknown_issuer)." };
        var command = new Command("redrive", "Publish the original bytes of chosen dead letters to their source topic again. The store must "
            + "exist (exit 2 otherwise).") { ids, reason };
        settings.AddTo(command);
        command.SetAction((result, cancellationToken) => CommandErrors.GuardAsync("dlq redrive", async () =>
        {
            var chosenIds = result.GetValue(ids) ?? [];
            var chosenReason = result.GetValue(reason);
            if (chosenIds.Length == 0 && chosenReason is null)
            {
                throw new ConfigurationException("choose the dead letters: pass --id ID (repeatable) and/or --reason CODE");
            }
            var configured = settings.Read(result).Validated();
            if (configured.Bus != BusKind.Kafka)
            {
                throw new ConfigurationException($"redrive publishes to Kafka: set {PipelineSettings.BusVariable}=kafka (or --bus kafka) and {PipelineSettings.KafkaBootstrapVariable}");
            }
            await using var store = RiskStoreFactory.Create(configured, mustExist: true);
            await store.MigrateAsync(cancellationToken);
            var chosen = DeadLetterRedrive.Select(await store.GetDeadLettersAsync(cancellationToken), chosenIds, chosenReason);
            await using var bus = EventBusFactory.Create(configured);
            var sent = await DeadLetterRedrive.RedriveAsync(bus, chosen, cancellationToken);
            Console.WriteLine($"redrove {sent} dead letters");
            return 0;
        }));
        return command;
    }
}
