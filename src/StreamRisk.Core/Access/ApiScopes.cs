namespace StreamRisk.Core.Access;

/// <summary>What an API key lets its team do. A key holds one or more; none is never issued.</summary>
[Flags]
public enum ApiScopes
{
    None = 0,
    /// <summary>Query issuers, indexes, scores, alerts and documents.</summary>
    Read = 1,
    /// <summary>Manage the team's own subscriptions and receive their deliveries.</summary>
    Subscribe = 2,
    /// <summary>Administer the team: keys, webhooks, redelivery.</summary>
    Admin = 4,
}

/// <summary>The scope names on the command line, in the store and in the API: <c>read,subscribe,admin</c>.</summary>
public static class ApiScopeNames
{
    private static readonly (ApiScopes Scope, string Name)[] Names =
        [(ApiScopes.Read, "read"), (ApiScopes.Subscribe, "subscribe"), (ApiScopes.Admin, "admin")];

    public static string Format(ApiScopes scopes) =>
        string.Join(',', Names.Where(n => scopes.HasFlag(n.Scope)).Select(n => n.Name));

    /// <summary>Parses a comma-separated list; an unknown name is an error that lists the known ones.</summary>
    public static ApiScopes Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scopes = ApiScopes.None;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var match = Names.FirstOrDefault(n => n.Name.Equals(part, StringComparison.OrdinalIgnoreCase));
            if (match.Name is null)
            {
                throw new FormatException($"unknown scope '{part}'; scopes are {string.Join(", ", Names.Select(n => n.Name))}");
            }
            scopes |= match.Scope;
        }
        return scopes == ApiScopes.None
            ? throw new FormatException($"no scope given; scopes are {string.Join(", ", Names.Select(n => n.Name))}")
            : scopes;
    }
}
