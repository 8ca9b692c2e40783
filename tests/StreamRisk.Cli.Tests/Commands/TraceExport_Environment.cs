using StreamRisk.Tests.Shared;

namespace StreamRisk.Cli.Tests.Commands;

/// <summary>Trace export follows the standard OTEL_EXPORTER_OTLP_ENDPOINT variable: a malformed value is bad
/// configuration (exit 2, naming the variable); a collector that is not there does not fail the command.</summary>
public sealed class TraceExport_Environment
{
    [Fact]
    public void An_endpoint_that_is_not_an_http_url_exits_2_naming_the_variable()
    {
        var (code, _, stderr) = CliProcess.RunWith(new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "collector:4317" }, "teams", "list",
            "--db", Path.Combine(CliProcess.NewTempDirectory(), "none.db"));

        Assert.Equal(2, code);
        Assert.Contains("OTEL_EXPORTER_OTLP_ENDPOINT", stderr, StringComparison.Ordinal);
        Assert.Contains("collector:4317", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_exporting_to_a_collector_that_does_not_answer_still_succeeds()
    {
        var dir = CliProcess.NewTempDirectory();
        // Port 9 (discard) on loopback: nothing listens, so every export fails and is dropped by the exporter.
        var (code, stdout, stderr) = CliProcess.RunWith(new Dictionary<string, string>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9",
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_EXPORTER_OTLP_TIMEOUT"] = "1000",
            },
            "run", "--input", RepositoryRoot.Of("data/samples/02-handmade.jsonl"), "--db", Path.Combine(dir, "run.db"));

        Assert.True(code == 0, $"exit {code}: {stderr}");
        Assert.True(File.Exists(Path.Combine(dir, "run.db")), stdout);
    }
}
