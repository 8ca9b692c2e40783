using StreamRisk.Infrastructure.Storage;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary>Turns configuration mistakes into a one-line message on stderr and exit code 2, as the run commands do.</summary>
internal static class CommandErrors
{
    /// <summary>Exit code for bad input or configuration (0: success; 1: a replay differs from its live run).</summary>
    public const int BadInputOrConfiguration = 2;

    public static async Task<int> GuardAsync(string verb, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is ConfigurationException or InputException or StoreFileException)
        {
            await WriteAsync(verb, ex.Message);
            return BadInputOrConfiguration;
        }
    }

    /// <summary>Writes <c>streamrisk VERB: MESSAGE</c> as one line, whatever line breaks the message carries (a driver's
    /// error text may span several), so scripts and logs get one line per failure.</summary>
    public static Task WriteAsync(string verb, string message) =>
        Console.Error.WriteLineAsync((verb.Length == 0 ? "streamrisk: " : $"streamrisk {verb}: ") + OneLine(message));

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
