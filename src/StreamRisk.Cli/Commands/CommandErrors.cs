using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary>Turns configuration mistakes into a one-line message on stderr and exit code 2, as the run commands do.</summary>
internal static class CommandErrors
{
    public static async Task<int> GuardAsync(string verb, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is ConfigurationException or InputException)
        {
            await Console.Error.WriteLineAsync($"streamrisk {verb}: {ex.Message}");
            return 2;
        }
    }
}
