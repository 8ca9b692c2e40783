using System.CommandLine;
using StreamRisk.Cli.Commands.Training;

namespace StreamRisk.Cli.Commands;

/// <summary><c>streamrisk train</c>: trains a model offline and writes it where the pipeline can load it.</summary>
internal static class TrainCommand
{
    public static Command Create() => new("train", "Train a model offline (on your own labelled data, or on a simulated market) and write it with its manifest.")
    {
        TrainSentimentCommand.Create(),
        TrainSpreadCommand.Create(),
        TrainDefaultCommand.Create(),
    };
}
