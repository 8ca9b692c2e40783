using System.CommandLine;
using StreamRisk.Core.Access;
using StreamRisk.Pipeline.Hosting;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Cli.Commands;

/// <summary>
/// <c>streamrisk teams add|list</c> and <c>streamrisk teams keys issue|list|revoke</c>: who may use the API and with which
/// scopes. Runs beside a pipeline writing the same store (the writes are small transactions; no writer lock needed).
/// </summary>
internal static class TeamsCommand
{
    public static Command Create() => new("teams", "Teams that use the API, and their API keys.")
    {
        Add(), List(), new Command("keys", "API keys of a team: issue, list, revoke.") { Issue(), Keys(), Revoke() },
    };

    private static Command Add()
    {
        var settings = new SettingsOptions();
        var id = new Argument<string>("team-id") { Description = "Short id: 1–40 characters of a–z, 0–9 and '-'." };
        var name = new Option<string?>("--name") { Description = "What people call the team (default: the id)." };
        var command = new Command("add", "Add a team (creates the store if it does not exist). An id that is taken is refused (exit 2).") { id, name };
        settings.AddTo(command, withBus: false);
        command.SetAction((result, cancellationToken) => CommandErrors.GuardAsync("teams add", async () =>
        {
            var teamId = result.GetValue(id)!;
            var teamName = result.GetValue(name) ?? teamId;
            if ((Team.ProblemWithId(teamId) ?? Team.ProblemWithName(teamName)) is { } problem)
            {
                throw new ConfigurationException(problem);
            }
            await using var store = await OpenAsync(settings, result, mustExist: false, cancellationToken);
            if (!await store.AddTeamAsync(new Team(teamId, teamName, TimeProvider.System.GetUtcNow()), cancellationToken))
            {
                throw new ConfigurationException($"team '{teamId}' exists already; `streamrisk teams list` shows the teams");
            }
            Console.WriteLine($"added team {teamId}; issue its first key with `streamrisk teams keys issue {teamId} --scopes read`");
            return 0;
        }));
        return command;
    }

    private static Command List()
    {
        var settings = new SettingsOptions();
        var command = new Command("list", "List the teams with their live and revoked key counts. The store must exist (exit 2 otherwise).");
        settings.AddTo(command, withBus: false);
        command.SetAction((result, cancellationToken) => CommandErrors.GuardAsync("teams list", async () =>
        {
            await using var store = await OpenAsync(settings, result, mustExist: true, cancellationToken);
            var teams = await store.GetTeamsAsync(cancellationToken);
            Console.WriteLine($"{teams.Count} teams");
            foreach (var team in teams)
            {
                var keys = await store.GetApiKeysAsync(team.TeamId, cancellationToken);
                Console.WriteLine($"{team.TeamId,-24} {keys.Count(k => !k.IsRevoked),3} live keys {keys.Count(k => k.IsRevoked),3} revoked  {team.Name}");
            }
            return 0;
        }));
        return command;
    }

    private static Command Issue()
    {
        var settings = new SettingsOptions();
        var id = new Argument<string>("team-id") { Description = "The team the key acts for." };
        var scopes = new Option<string>("--scopes")
        {
            Description = "Comma-separated: read (query the API), subscribe (own subscriptions and deliveries), admin (keys, webhooks).",
            DefaultValueFactory = _ => "read",
        };
        var label = new Option<string?>("--label") { Description = "What the key is for, shown in `keys list` (e.g. grafana)." };
        var command = new Command("issue", "Issue an API key and print its token once: only its SHA-256 is stored, so a lost token "
            + "cannot be shown again (revoke it and issue another).") { id, scopes, label };
        settings.AddTo(command, withBus: false);
        command.SetAction((result, cancellationToken) => CommandErrors.GuardAsync("teams keys issue", async () =>
        {
            var teamId = result.GetValue(id)!;
            ApiScopes chosen;
            try
            {
                chosen = ApiScopeNames.Parse(result.GetValue(scopes)!);
            }
            catch (FormatException ex)
            {
                throw new ConfigurationException($"--scopes: {ex.Message}", ex);
            }
            await using var store = await OpenAsync(settings, result, mustExist: true, cancellationToken);
            if (await store.GetTeamAsync(teamId, cancellationToken) is null)
            {
                throw new ConfigurationException($"no team '{teamId}'; add it with `streamrisk teams add {teamId}`");
            }
            var (token, key) = ApiKeyToken.Issue(teamId, chosen, result.GetValue(label), TimeProvider.System.GetUtcNow());
            await store.AddApiKeyAsync(key, cancellationToken);
            await Console.Error.WriteLineAsync($"issued key {key.KeyId} for team {teamId} with scopes {ApiScopeNames.Format(chosen)}; "
                + "the token below is shown only now");
            // The token alone on stdout, so `TOKEN=$(streamrisk teams keys issue ...)` captures exactly it.
            Console.WriteLine(token);
            return 0;
        }));
        return command;
    }

    private static Command Keys()
    {
        var settings = new SettingsOptions();
        var id = new Argument<string>("team-id") { Description = "The team whose keys to list." };
        var command = new Command("list", "List a team's keys (id, scopes, label, issued, revoked); never their secrets.") { id };
        settings.AddTo(command, withBus: false);
        command.SetAction((result, cancellationToken) => CommandErrors.GuardAsync("teams keys list", async () =>
        {
            var teamId = result.GetValue(id)!;
            await using var store = await OpenAsync(settings, result, mustExist: true, cancellationToken);
            if (await store.GetTeamAsync(teamId, cancellationToken) is null)
            {
                throw new ConfigurationException($"no team '{teamId}'; `streamrisk teams list` shows the teams");
            }
            var keys = await store.GetApiKeysAsync(teamId, cancellationToken);
            Console.WriteLine($"{keys.Count} keys of team {teamId}");
            foreach (var key in keys)
            {
                var state = key.RevokedAt is { } revoked ? $"revoked {revoked:yyyy-MM-dd HH:mm}Z" : "live";
                Console.WriteLine($"{key.KeyId}  {ApiScopeNames.Format(key.Scopes),-22} issued {key.IssuedAt:yyyy-MM-dd HH:mm}Z  {state,-24} {key.Label}");
            }
            return 0;
        }));
        return command;
    }

    private static Command Revoke()
    {
        var settings = new SettingsOptions();
        var keyId = new Argument<string>("key-id") { Description = "The key's id (12 hex digits, the part after srk_ in its token)." };
        var command = new Command("revoke", "Revoke a key: every request with it is refused from then on. An unknown or already revoked "
            + "key is exit 2.") { keyId };
        settings.AddTo(command, withBus: false);
        command.SetAction((result, cancellationToken) => CommandErrors.GuardAsync("teams keys revoke", async () =>
        {
            var id = result.GetValue(keyId)!;
            await using var store = await OpenAsync(settings, result, mustExist: true, cancellationToken);
            if (!await store.RevokeApiKeyAsync(id, TimeProvider.System.GetUtcNow(), cancellationToken))
            {
                throw new ConfigurationException(await store.GetApiKeyAsync(id, cancellationToken) is { } key
                    ? $"key {id} was revoked already, at {key.RevokedAt:yyyy-MM-dd HH:mm:ss}Z"
                    : $"no key '{id}'; `streamrisk teams keys list TEAM` shows a team's keys");
            }
            Console.WriteLine($"revoked key {id}");
            return 0;
        }));
        return command;
    }

    private static async Task<ITeamStore> OpenAsync(SettingsOptions settings, ParseResult result, bool mustExist, CancellationToken cancellationToken)
    {
        var configured = (settings.Read(result) with { Bus = BusKind.Embedded }).Validated();
        var store = RiskStoreFactory.CreateTeamStore(configured, mustExist);
        try
        {
            await store.MigrateAsync(cancellationToken);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }
}
