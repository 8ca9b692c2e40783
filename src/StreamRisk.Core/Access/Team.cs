using System.Text.RegularExpressions;

namespace StreamRisk.Core.Access;

/// <summary>A desk, surveillance team or downstream service that holds API keys and subscriptions.</summary>
/// <param name="TeamId">Short, URL-safe and stable: lower-case letters, digits and '-', 1–40 characters.</param>
/// <param name="Name">What people call it, for listings.</param>
public sealed partial record Team(string TeamId, string Name, DateTimeOffset CreatedAt)
{
    public const int MaxNameLength = 200;

    /// <summary>Why <paramref name="teamId"/> cannot name a team, or null when it can.</summary>
    public static string? ProblemWithId(string teamId) =>
        IdPattern().IsMatch(teamId) ? null
            : $"team id '{teamId}' must be 1–40 characters of a–z, 0–9 and '-', starting with a letter or digit";

    /// <summary>Why <paramref name="name"/> cannot name a team, or null when it can.</summary>
    public static string? ProblemWithName(string name) =>
        string.IsNullOrWhiteSpace(name) ? "a team needs a name"
        : name.Length > MaxNameLength ? $"a team name may be at most {MaxNameLength} characters"
        : name.Any(char.IsControl) ? "a team name may not contain control characters"
        : null;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
