using StreamRisk.Tests.Shared;

namespace StreamRisk.Cli.Tests.Commands;

/// <summary>
/// Issuer names that load with a warning are listed after the run: a count in the summary table, and on stderr
/// "reference data warnings: N" followed by each warning with the --issuers file and line. The run itself succeeds.
/// </summary>
public sealed class RunCommand_ReferenceWarnings
{
    [Fact]
    public void An_issuer_file_with_a_one_letter_alias_and_a_shared_alias_runs_and_lists_both_warnings_on_stderr()
    {
        var dir = CliProcess.NewTempDirectory();
        var issuers = Path.Combine(dir, "my-issuers.csv");
        File.WriteAllLines(issuers,
        [
            "issuer_id,legal_name,aliases,tickers,industries",
            "texaco,Texaco Inc,Texaco|The Oil Major,TX,oil_gas",
            "amex,American Express Co,American Express|A,AXP,consumer_finance",
            "exxon,Exxon Corp,Exxon|the oil major,XON,oil_gas",
        ]);

        var (code, stdout, stderr) = CliProcess.Run("run", "--input", RepositoryRoot.Of("data/samples/02-handmade.jsonl"), "--issuers", issuers,
            "--db", Path.Combine(dir, "run.db"));

        Assert.True(code == 0, $"exit {code}: {stderr}");
        Assert.Contains("reference data warnings: 2", stderr);
        Assert.Contains($"  {issuers} line 2, field 'aliases': 'The Oil Major' names 2 issuers: 'texaco' (line 2, aliases), 'exxon' (line 4, aliases).", stderr);
        Assert.Contains($"  {issuers} line 3, field 'aliases': alias 'A' of 'amex' has fewer than 2 letters or digits", stderr);
        Assert.Matches(@"reference data warnings\s*│\s*2", stdout);
    }

    [Fact]
    public void Without_warnings_nothing_is_listed()
    {
        var dir = CliProcess.NewTempDirectory();
        var (code, stdout, stderr) = CliProcess.Run("run", "--input", RepositoryRoot.Of("data/samples/02-handmade.jsonl"), "--db", Path.Combine(dir, "run.db"));
        Assert.True(code == 0, $"exit {code}: {stderr}");
        Assert.DoesNotContain("reference data warnings", stderr + stdout);
    }
}
