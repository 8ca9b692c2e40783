namespace StreamRisk.Cli.Tests.Surface;

public sealed class RunCommand_MissingInput
{
    [Fact]
    public void An_input_path_that_does_not_exist_exits_2_naming_the_path_on_stderr()
    {
        var missing = Path.Combine(Path.GetTempPath(), "streamrisk-tests", Guid.NewGuid().ToString("N"), "no-such-input.jsonl");
        var (code, _, stderr) = CliInvocation.Run("run", "--input", missing, "--quiet");
        Assert.Equal(2, code);
        Assert.Contains(missing, stderr);
        Assert.StartsWith("streamrisk run:", stderr);
    }
}
