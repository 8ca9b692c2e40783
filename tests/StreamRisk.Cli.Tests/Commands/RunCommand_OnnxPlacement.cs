using StreamRisk.Tests.Shared;

namespace StreamRisk.Cli.Tests.Commands;

/// <summary>
/// With <c>--embedding-model</c>, the issuers listed without industries are placed with that ONNX model: the list after the
/// run summary names its model id and the dense default threshold; a bad threshold is still exit 2, naming that default.
/// <c>graph seed</c> takes the same option. (The test model has random weights: the wiring is checked, not the placements.)
/// </summary>
public sealed class RunCommand_OnnxPlacement
{
    private static readonly string Input = RepositoryRoot.Of("data/samples/02-handmade.jsonl");

    private static string EmbeddingManifest()
    {
        var dir = Environment.GetEnvironmentVariable("STREAMRISK_TEST_MODELS") ?? RepositoryRoot.Of(".models");
        var manifest = Path.Combine(dir, "embed-cls.manifest.json");
        Assert.True(File.Exists(manifest), $"ONNX test models not found in {dir}: run `bash infra/models/make-test-models.sh`");
        return manifest;
    }

    [Fact]
    public void The_placement_list_names_the_onnx_model_and_the_dense_default()
    {
        var dir = CliProcess.NewTempDirectory();

        var (code, stdout, stderr) = CliProcess.Run("run", "--input", Input, "--db", Path.Combine(dir, "run.db"), "--embedding-model", EmbeddingManifest());

        Assert.True(code == 0, $"exit {code}: {stderr}");
        Assert.Contains("issuers placed by description (4; threshold 0.6, streamrisk-test-embed-cls@1):", stdout);
        Assert.DoesNotContain("hashed-tfidf", stdout);
    }

    [Fact]
    public void A_bad_threshold_with_a_model_is_exit_2_naming_the_dense_default_before_the_store_is_created()
    {
        var dir = CliProcess.NewTempDirectory();
        var db = Path.Combine(dir, "run.db");

        var (code, _, stderr) = CliProcess.Run("run", "--input", Input, "--db", db, "--embedding-model", EmbeddingManifest(), "--placement-threshold", "1.5");

        Assert.Equal(2, code);
        Assert.Contains("--placement-threshold must be a number in [0, 1] (got 1.5)", stderr);
        Assert.Contains("(default 0.6)", stderr);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void Graph_seed_takes_the_embedding_model()
    {
        var (code, stdout, stderr) = CliProcess.Run("graph", "seed", "--help");

        Assert.True(code == 0, $"exit {code}: {stderr}");
        Assert.Contains("--embedding-model", stdout);
    }
}
