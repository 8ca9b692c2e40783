using System.Text.Json;
using StreamRisk.Tests.Shared;
using StreamRisk.Tests.Shared.Llm;

namespace StreamRisk.Cli.Tests.Commands;

/// <summary>
/// <c>--industry-model</c>: a tiny random-weight GGUF scores the issuer-free texts of a run through LLamaSharp, each
/// event naming the model and prompt version; a bad model path, file or spec stops the run with exit 2 before the
/// database is even created.
/// </summary>
public sealed class RunCommand_IndustryModel
{
    private static readonly string Input = RepositoryRoot.Of("data/samples/01-reuters.jsonl");

    [Fact]
    public void A_tiny_gguf_reads_the_industry_texts_of_a_run_end_to_end()
    {
        var dir = CliProcess.NewTempDirectory();
        var model = TinyGguf.Write(Path.Combine(dir, "tiny-random.gguf"));
        var (code, stdout, stderr) = CliProcess.Run("run", "--input", Input, "--db", Path.Combine(dir, "run.db"), "--out", Path.Combine(dir, "out"),
            "--industry-model", "gguf:" + model, "--llm-threads", "1");

        Assert.True(code == 0, $"exit {code}: {stderr}");
        Assert.Matches(@"industry texts read by the LLM\s*│\s*[1-9]", stdout);
        Assert.Matches(@"industry texts the built-in scorer took over\s*│\s*0\s", stdout);
        var events = File.ReadLines(Path.Combine(dir, "out", "sentiment.industry.v1.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.NotEmpty(events);
        // The grammar makes every answer valid and every prompt fits the context: no text falls back to the built-in scorer.
        Assert.All(events, e =>
        {
            Assert.False(e.TryGetProperty("fallback", out var why), why.ToString());
            Assert.StartsWith("gguf:tiny-random+", e.GetProperty("model").GetString());
            Assert.Equal("industry-en/1", e.GetProperty("prompt_version").GetString());
            // An LLM answers −1, 0 or 1; the event's score is that tone signed by the topic link.
            Assert.Contains(Math.Abs(e.GetProperty("score").GetDouble()), new[] { 0.0, 1.0 });
        });
    }

    [Fact]
    public void Without_the_option_the_built_in_scorer_writes_prompt_version_none()
    {
        var dir = CliProcess.NewTempDirectory();
        var (code, _, stderr) = CliProcess.Run("run", "--input", Input, "--db", Path.Combine(dir, "run.db"), "--out", Path.Combine(dir, "out"), "--quiet");
        Assert.True(code == 0, $"exit {code}: {stderr}");
        var first = JsonDocument.Parse(File.ReadLines(Path.Combine(dir, "out", "sentiment.industry.v1.jsonl")).First()).RootElement;
        Assert.StartsWith("lexicon-industry/1+", first.GetProperty("model").GetString());
        Assert.Equal("none", first.GetProperty("prompt_version").GetString());
    }

    [Theory]
    [InlineData("gguf:{dir}/absent.gguf", "does not exist")]
    [InlineData("gguf:{dir}/not-a-model.gguf", "not a GGUF file")]
    [InlineData("gguf:{dir}/cut.gguf", "truncated")]
    [InlineData("openai:ftp://models", "not an http(s) URL")]
    [InlineData("llama", "is not an industry model")]
    public void A_bad_model_is_exit_2_with_the_reason_before_anything_is_opened(string spec, string reason)
    {
        var dir = CliProcess.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, "not-a-model.gguf"), "a text file that is long enough to hold a GGUF header");
        TinyGguf.WriteTruncated(Path.Combine(dir, "cut.gguf"), 12);
        var db = Path.Combine(dir, "run.db");
        var (code, _, stderr) = CliProcess.Run("run", "--input", Input, "--db", db, "--industry-model", spec.Replace("{dir}", dir));
        Assert.Equal(2, code);
        Assert.Contains("--industry-model", stderr);
        Assert.Contains(reason, stderr);
        Assert.False(File.Exists(db), "the database was created before the model was checked");
    }

    [Fact]
    public void The_environment_variable_is_read_and_checked_the_same_way()
    {
        var dir = CliProcess.NewTempDirectory();
        var (code, _, stderr) = CliProcess.RunWith(new Dictionary<string, string> { ["STREAMRISK_INDUSTRY_MODEL"] = "gguf:" + Path.Combine(dir, "nope.gguf") },
            "run", "--input", Input, "--db", Path.Combine(dir, "run.db"));
        Assert.Equal(2, code);
        Assert.Contains("STREAMRISK_INDUSTRY_MODEL: ", stderr);
        Assert.Contains("nope.gguf", stderr);
    }
}
