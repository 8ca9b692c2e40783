using StreamRisk.Core.Access;
using StreamRisk.Infrastructure.Storage;

namespace StreamRisk.Cli.Tests.Commands;

/// <summary>A team is added, a key issued, listed and revoked through the command line, as an administrator does it.</summary>
public sealed class TeamsCommand_KeyLifecycle
{
    [Fact]
    public async Task Issue_prints_a_working_token_once_and_revoke_ends_it()
    {
        var db = Path.Combine(CliProcess.NewTempDirectory(), "store.db");
        Assert.Equal(0, CliProcess.Run("teams", "add", "rates-desk", "--name", "Rates desk", "--db", db).ExitCode);

        var (code, token, stderr) = CliProcess.Run("teams", "keys", "issue", "rates-desk", "--scopes", "read,subscribe", "--label", "grafana", "--db", db);
        Assert.Equal(0, code);
        token = token.Trim();
        Assert.True(ApiKeyToken.TryParse(token, out var keyId, out var secret), token);
        Assert.Contains($"issued key {keyId}", stderr, StringComparison.Ordinal);

        await using (var teams = new SqliteTeamStore(db, mustExist: true))
        {
            Assert.Equal(new ApiCaller("rates-desk", keyId, ApiScopes.Read | ApiScopes.Subscribe),
                await new ApiKeyAuthenticator(teams).AuthenticateAsync(token));
        }

        var listed = CliProcess.Run("teams", "keys", "list", "rates-desk", "--db", db);
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains(keyId, listed.Stdout, StringComparison.Ordinal);
        Assert.Contains("grafana", listed.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed.Stdout + listed.Stderr, StringComparison.Ordinal);
        // The store keeps a hash: the secret's bytes are in none of its files (database, WAL, lock).
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(db)!))
        {
            Assert.DoesNotContain(secret, System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file)), StringComparison.Ordinal);
        }

        Assert.Equal(0, CliProcess.Run("teams", "keys", "revoke", keyId, "--db", db).ExitCode);
        await using (var teams = new SqliteTeamStore(db, mustExist: true))
        {
            Assert.Null(await new ApiKeyAuthenticator(teams).AuthenticateAsync(token));
        }
        var again = CliProcess.Run("teams", "keys", "revoke", keyId, "--db", db);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("revoked already", again.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "teams", "add", "Rates Desk" }, "team id 'Rates Desk' must be")]
    [InlineData(new[] { "teams", "add", "desk" }, "team 'desk' exists already")]
    [InlineData(new[] { "teams", "keys", "issue", "nobody" }, "no team 'nobody'")]
    [InlineData(new[] { "teams", "keys", "issue", "desk", "--scopes", "write" }, "--scopes: unknown scope 'write'")]
    [InlineData(new[] { "teams", "keys", "list", "nobody" }, "no team 'nobody'")]
    [InlineData(new[] { "teams", "keys", "revoke", "000000000000" }, "no key '000000000000'")]
    public void A_mistake_exits_2_with_one_line_that_says_what_to_do(string[] args, string expected)
    {
        var db = Path.Combine(CliProcess.NewTempDirectory(), "store.db");
        Assert.Equal(0, CliProcess.Run("teams", "add", "desk", "--db", db).ExitCode);

        var (code, _, stderr) = CliProcess.Run([.. args, "--db", db]);

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("list")]
    [InlineData("keys", "list", "desk")]
    [InlineData("keys", "revoke", "000000000000")]
    public void Commands_on_a_store_that_does_not_exist_exit_2_and_create_nothing(params string[] args)
    {
        var db = Path.Combine(CliProcess.NewTempDirectory(), "missing.db");

        var (code, _, stderr) = CliProcess.Run(["teams", .. args, "--db", db]);

        Assert.Equal(2, code);
        Assert.Contains("no store at", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }
}
