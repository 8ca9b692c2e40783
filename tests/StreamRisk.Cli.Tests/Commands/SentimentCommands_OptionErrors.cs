namespace StreamRisk.Cli.Tests.Commands;

/// <summary>`train sentiment` and `eval sentiment`: bad files and settings exit 2 with one line naming them; `eval
/// sentiment` scores the shipped default model on a labelled file.</summary>
public sealed class SentimentCommands_OptionErrors
{
    [Fact]
    public void Train_with_a_missing_file_exits_2_naming_it()
    {
        var dir = CliProcess.NewTempDirectory();
        var (code, _, stderr) = CliProcess.Run("train", "sentiment", "--data", Path.Combine(dir, "absent.csv"), "--out", dir, "--quiet");
        Assert.Equal(2, code);
        Assert.Contains("streamrisk train sentiment:", stderr);
        Assert.Contains("absent.csv", stderr);
    }

    [Fact]
    public void Train_with_a_bad_label_exits_2_naming_file_and_line()
    {
        var dir = CliProcess.NewTempDirectory();
        var data = Path.Combine(dir, "labels.csv");
        File.WriteAllText(data, "text,label\nshares rose,neutral\nshares fell,terrible\n");
        var (code, _, stderr) = CliProcess.Run("train", "sentiment", "--data", data, "--out", Path.Combine(dir, "model"), "--quiet");
        Assert.Equal(2, code);
        Assert.Contains("labels.csv, line 3", stderr);
        Assert.Contains("'terrible'", stderr);
    }

    [Theory]
    [InlineData("--validation-fraction", "0.7")]
    [InlineData("--epochs", "0")]
    [InlineData("--width", "8")]
    [InlineData("--teachers", "-1")]
    [InlineData("--distillation-weight", "1.5")]
    [InlineData("--ensemble", "0")]
    public void Train_with_an_out_of_range_setting_exits_2_naming_it(string option, string value)
    {
        var dir = CliProcess.NewTempDirectory();
        var data = Path.Combine(dir, "labels.csv");
        File.WriteAllText(data, "text,label\nshares rose,positive\n");
        var (code, _, stderr) = CliProcess.Run("train", "sentiment", "--data", data, "--out", dir, option, value, "--quiet");
        Assert.Equal(2, code);
        Assert.Contains(option, stderr);
    }

    [Fact]
    public void Train_with_both_an_ensemble_and_teachers_exits_2_naming_both()
    {
        var dir = CliProcess.NewTempDirectory();
        var data = Path.Combine(dir, "labels.csv");
        File.WriteAllText(data, "text,label\nshares rose,positive\n");
        var (code, _, stderr) = CliProcess.Run("train", "sentiment", "--data", data, "--out", dir, "--ensemble", "2", "--teachers", "1", "--quiet");
        Assert.Equal(2, code);
        Assert.Contains("--ensemble and --teachers", stderr);
    }

    [Fact]
    public void Eval_scores_the_default_model_next_to_the_lexicon()
    {
        var dir = CliProcess.NewTempDirectory();
        var data = Path.Combine(dir, "labels.jsonl");
        File.WriteAllText(data, "{\"text\": \"Acme Corp beat estimates and raised its dividend.\", \"issuer\": \"Acme Corp\", \"label\": \"positive\"}\n"
            + "{\"text\": \"Acme Corp appointed a new finance chief.\", \"issuer\": \"Acme Corp\", \"label\": \"neutral\"}\n");
        var (code, stdout, stderr) = CliProcess.Run("eval", "sentiment", "--data", data, "--out", dir);
        Assert.True(code == 0, stderr);
        Assert.Contains("firm-sentiment-cnn", stdout);
        Assert.Contains("lexicon-firm", stdout);
        Assert.True(File.Exists(Path.Combine(dir, "calibration.svg")));
    }

    [Fact]
    public void Eval_scores_the_shipped_single_network_by_its_keyword()
    {
        var dir = CliProcess.NewTempDirectory();
        var data = Path.Combine(dir, "labels.csv");
        File.WriteAllText(data, "text,label\nshares rose sharply after the upgrade,positive\nthe company named a new finance chief,neutral\n");
        var (code, stdout, stderr) = CliProcess.Run("eval", "sentiment", "--data", data, "--model", "single");
        Assert.True(code == 0, stderr);
        Assert.Contains("model: firm-sentiment-cnn@", stdout);
    }

    [Fact]
    public void Train_writes_the_scope_and_the_default_name_masking_into_the_manifest_and_the_lexicon_calibration_next_to_the_model()
    {
        var dir = CliProcess.NewTempDirectory();
        var data = Path.Combine(dir, "labels.jsonl");
        var lines = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var text = $"Acme Corp {i} beat estimates, while Brill Ltd {i} missed them.";
            lines.Add($"{{\"text\": \"{text}\", \"issuer\": \"Acme Corp {i}\", \"label\": \"positive\"}}");
            lines.Add($"{{\"text\": \"{text}\", \"issuer\": \"Brill Ltd {i}\", \"label\": \"negative\"}}");
            lines.Add($"{{\"text\": \"Acme Corp {i} named a new finance chief.\", \"issuer\": \"Acme Corp {i}\", \"label\": \"neutral\"}}");
        }
        File.WriteAllLines(data, lines);
        var model = Path.Combine(dir, "model");

        var (code, _, stderr) = CliProcess.Run("train", "sentiment", "--data", data, "--out", model, "--epochs", "1", "--aspect-scope", "clauses", "--quiet");

        Assert.True(code == 0, stderr);
        Assert.Contains("\"aspect_scope\": \"clauses\"", File.ReadAllText(Path.Combine(model, "manifest.json")));
        Assert.Contains("\"mention_masking\": \"issuers\"", File.ReadAllText(Path.Combine(model, "manifest.json")));
        Assert.Equal(9, StreamRisk.Core.Sentiment.LexiconCalibration.Load(Path.Combine(model, "lexicon-calibration.json")).Weights.Count);
        Assert.Contains("lexicon-firm/1+calibrated", File.ReadAllText(Path.Combine(model, "report.md")));
    }

    [Fact]
    public void Eval_writes_every_row_with_its_probabilities_when_asked()
    {
        var dir = CliProcess.NewTempDirectory();
        var data = Path.Combine(dir, "labels.csv");
        File.WriteAllText(data, "text,label\nshares rose sharply,positive\nthe company held its annual meeting,neutral\n");
        var predictions = Path.Combine(dir, "out", "predictions.jsonl");

        var (code, _, stderr) = CliProcess.Run("eval", "sentiment", "--data", data, "--model", "lexicon", "--predictions", predictions);

        Assert.True(code == 0, stderr);
        var rows = File.ReadAllLines(predictions).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("positive", rows[0].GetProperty("label").GetString());
        Assert.Equal(3, rows[1].GetProperty("line").GetInt32());
        var p = rows[0].GetProperty("p_negative").GetDouble() + rows[0].GetProperty("p_neutral").GetDouble() + rows[0].GetProperty("p_positive").GetDouble();
        Assert.Equal(1.0, p, 3);
    }

    [Fact]
    public void Eval_with_a_missing_model_exits_2()
    {
        var dir = CliProcess.NewTempDirectory();
        var data = Path.Combine(dir, "labels.csv");
        File.WriteAllText(data, "text,label\nshares rose,positive\n");
        var (code, _, stderr) = CliProcess.Run("eval", "sentiment", "--data", data, "--model", Path.Combine(dir, "absent.json"));
        Assert.Equal(2, code);
        Assert.Contains("absent.json", stderr);
    }
}
