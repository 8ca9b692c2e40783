using System.CommandLine;
using StreamRisk.Pipeline.Hosting;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary><c>streamrisk worker &lt;stage|all&gt;</c>: stages as long-running workers on the configured bus and store.</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var stage = new Argument<string>("stage") { Description = $"The stage to run: {string.Join(", ", StageNames.Each)}, or all." };
        var settings = new SettingsOptions();
        var reference = CommonOptions.Reference();
        var placementThreshold = CommonOptions.PlacementThreshold();
        var batch = CommonOptions.BatchSize();
        var models = new ModelCommandOptions();
        var command = new Command("worker",
            "Run a stage (or all) as a worker until SIGTERM/Ctrl+C. On start each stage rebuilds its state from the store, so a restart "
            + "after a crash loses and double-counts nothing.")
        {
            stage, reference, placementThreshold, batch,
        };
        settings.AddTo(command);
        models.AddWorkerModelsTo(command);
        command.SetAction((result, cancellationToken) => CommandErrors.GuardAsync("worker", async () =>
        {
            var name = result.GetValue(stage)!;
            var stages = StageNames.Resolve(name)
                ?? throw new ConfigurationException($"no stage is called '{name}': use one of {string.Join(", ", StageNames.Each)} or all");
            await WorkerHost.RunAsync(new WorkerOptions
            {
                Settings = settings.Read(result),
                Stages = stages,
                ReferenceDirectory = result.GetValue(reference),
                PlacementThreshold = result.GetValue(placementThreshold),
                BatchSize = result.GetValue(batch),
                Models = models.ReadWorkerModels(result, ModelOptions.BuiltIn),
            }, cancellationToken);
            return 0;
        }));
        return command;
    }
}
