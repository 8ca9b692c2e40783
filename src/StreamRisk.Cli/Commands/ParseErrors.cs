using System.CommandLine;

namespace StreamRisk.Cli.Commands;

/// <summary>Command-line parse errors as one line on stderr, with the command's --help to read next, and exit code 2.</summary>
internal static class ParseErrors
{
    public static async Task<int> ReportAsync(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (result.Parent is not null)
            {
                names.Add(result.Command.Name);
            }
        }
        names.Reverse();
        var verb = names.Count == 0 ? "" : string.Join(' ', names);
        var help = "streamrisk " + (verb.Length == 0 ? "" : verb + " ") + "--help";
        var errors = string.Join(" ", parsed.Errors.Select(e => e.Message.Trim()).Distinct(StringComparer.Ordinal));
        await CommandErrors.WriteAsync(verb, $"{errors} See `{help}` for the options.");
        return CommandErrors.BadInputOrConfiguration;
    }
}
