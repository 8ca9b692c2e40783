namespace StreamRisk.Cli.Tests.Surface;

/// <summary><c>serve</c> only reads: a store that is not there is exit 2 with one line naming it, and is not created.</summary>
public sealed class ServeCommand_MissingStore
{
    [Fact]
    public void A_missing_store_is_exit_2_and_stays_missing()
    {
        var folder = Commands.CliProcess.NewTempDirectory();
        try
        {
            var path = Path.Combine(folder, "nothere.db");

            var (code, _, stderr) = CliInvocation.Run("serve", "--db", path, "--urls", "http://127.0.0.1:0");

            Assert.Equal(2, code);
            Assert.Single(stderr.Trim().Split('\n'));
            Assert.StartsWith("streamrisk serve: ", stderr, StringComparison.Ordinal);
            Assert.Contains(path, stderr, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFileSystemEntries(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("not a url")]
    public void A_bad_url_is_exit_2_naming_the_option(string url)
    {
        var (code, _, stderr) = CliInvocation.Run("serve", "--db", "whatever.db", "--urls", url);

        Assert.Equal(2, code);
        Assert.StartsWith("streamrisk serve: --urls", stderr, StringComparison.Ordinal);
    }
}
