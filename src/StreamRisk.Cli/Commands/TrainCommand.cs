using System.CommandLine;
using StreamRisk.Cli.Commands.Training;

namespace StreamRisk.Cli.Commands;

/// <summary><c>streamrisk train</c>: trains a model offline and writes it as an artifact folder (manifest + weights).</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Train a model offline and write it as a versioned artifact (manifest.json + weights).");
        command.Subcommands.Add(TrainSpreadCommand.Create());
        return command;
    }
}
