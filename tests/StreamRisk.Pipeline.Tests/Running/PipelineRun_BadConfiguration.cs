using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Tests.Running;

public class PipelineRun_BadConfiguration
{
    private static Task<RunSummary> Run(RunOptions options) => PipelineRun.RunAsync(options, null, CancellationToken.None);

    [Fact]
    public async Task A_missing_input_names_the_path()
    {
        var ex = await Assert.ThrowsAsync<InputException>(() => Run(new RunOptions { Inputs = ["/nonexistent/news.jsonl"] }));
        Assert.Contains("/nonexistent/news.jsonl", ex.Message);
    }

    [Fact]
    public async Task An_unwritable_output_folder_fails_before_any_work()
    {
        var file = Path.Combine(RepositoryPaths.NewTempDirectory(), "a-file");
        await File.WriteAllTextAsync(file, "x");
        var ex = await Assert.ThrowsAsync<InputException>(() => Run(new RunOptions { Inputs = [RepositoryPaths.Samples], OutDirectory = Path.Combine(file, "out") }));
        Assert.Contains("not writable", ex.Message);
    }

    [Fact]
    public async Task A_missing_reference_file_is_named()
    {
        var reference = RepositoryPaths.NewTempDirectory();
        foreach (var f in Directory.GetFiles(RepositoryPaths.Reference, "*.csv"))
        {
            File.Copy(f, Path.Combine(reference, Path.GetFileName(f)));
        }
        File.Delete(Path.Combine(reference, "topics.csv"));
        var ex = await Assert.ThrowsAsync<ConfigurationException>(() => Run(new RunOptions { Inputs = [RepositoryPaths.Samples], ReferenceDirectory = reference }));
        Assert.Contains("topics.csv", ex.Message);
    }

    [Fact]
    public async Task A_malformed_issuer_file_names_file_line_and_field()
    {
        var issuers = Path.Combine(RepositoryPaths.NewTempDirectory(), "issuers.csv");
        await File.WriteAllTextAsync(issuers, "issuer_id,legal_name,aliases,tickers,industries\nX1,Example Corp,,,NO_SUCH_INDUSTRY\n");
        var ex = await Assert.ThrowsAsync<ConfigurationException>(() => Run(new RunOptions { Inputs = [RepositoryPaths.Samples], IssuersFile = issuers }));
        Assert.Contains("issuers.csv", ex.Message);
        Assert.Contains("line 2", ex.Message);
        Assert.Contains("industries", ex.Message);
    }

    [Fact]
    public async Task A_zero_batch_size_is_refused()
    {
        var ex = await Assert.ThrowsAsync<ConfigurationException>(() => Run(new RunOptions { Inputs = [RepositoryPaths.Samples], BatchSize = 0 }));
        Assert.Contains("--batch-size", ex.Message);
    }
}
