using System.Text.Json;
using StreamRisk.Tests.Shared;

namespace StreamRisk.Cli.Tests.Commands;

/// <summary>
/// A run that refuses more than half of its news texts as too late completes, but says so loudly: a warning line on
/// stderr (even with --quiet), a row in the summary table, and exit code 3 instead of 0.
/// </summary>
public sealed class RunCommand_MostInputTooLate
{
    /// <summary>Three texts dated December 1987 (a quorum: the watermark moves there), then the Feb–Mar 1987 corpus.</summary>
    private static string AheadThenCorpus()
    {
        var input = CliProcess.NewTempDirectory();
        var ahead = Enumerable.Range(1, 3).Select(i => JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["doc_id"] = $"ahead-{i}", ["source"] = "wire", ["published_at"] = "1987-12-01T10:00:00Z", ["headline"] = "NOTE",
            ["body"] = $"Market note number {i}.",
        }));
        File.WriteAllLines(Path.Combine(input, "00-ahead.jsonl"), ahead);
        File.Copy(RepositoryRoot.Of("data/samples/01-reuters.jsonl"), Path.Combine(input, "01-reuters.jsonl"));
        return input;
    }

    [Fact]
    public void Most_texts_refused_as_too_late_exits_3_with_a_warning_on_stderr_and_a_summary_row()
    {
        var (code, stdout, stderr) = CliProcess.Run("run", "--input", AheadThenCorpus(), "--db", Path.Combine(CliProcess.NewTempDirectory(), "late.db"));
        Assert.True(code == 3, $"exit {code}: {stderr}");
        Assert.Contains("warning: 70 of 73 news texts read were refused as too late", stderr);
        Assert.Contains("check published_at", stderr);
        Assert.Matches(@"news texts refused as too late\s*│\s*70", stdout);
    }

    [Fact]
    public void The_warning_and_the_exit_code_do_not_depend_on_quiet()
    {
        var (code, stdout, stderr) = CliProcess.Run("run", "--input", AheadThenCorpus(), "--db", Path.Combine(CliProcess.NewTempDirectory(), "late.db"), "--quiet");
        Assert.Equal(3, code);
        Assert.Contains("refused as too late (more than half)", stderr);
        Assert.DoesNotContain("run summary", stdout);
    }

    [Fact]
    public void A_few_late_texts_exit_0_without_the_warning()
    {
        // The sample corpus has two texts weeks late out of 114.
        var (code, stdout, stderr) = CliProcess.Run("run", "--input", RepositoryRoot.Of("data/samples"), "--db", Path.Combine(CliProcess.NewTempDirectory(), "ok.db"));
        Assert.True(code == 0, $"exit {code}: {stderr}");
        Assert.DoesNotContain("warning:", stderr);
        Assert.Matches(@"news texts refused as too late\s*│\s*2", stdout);
    }
}
