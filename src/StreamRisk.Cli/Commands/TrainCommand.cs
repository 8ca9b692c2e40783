using System.CommandLine;

namespace StreamRisk.Cli.Commands;

/// <summary><c>streamrisk train</c>: the parent of the commands that train a model on the user's own data.</summary>
internal static class TrainCommand
{
    public static Command Create() => new("train", "Train a model on your own labelled data.")
    {
        TrainSentimentCommand.Create(),
    };
}
