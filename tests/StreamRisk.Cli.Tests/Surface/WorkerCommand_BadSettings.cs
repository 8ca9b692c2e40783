using StreamRisk.Pipeline.Hosting;

namespace StreamRisk.Cli.Tests.Surface;

/// <summary>A worker refuses settings it cannot use before it connects to anything, naming what to fix.</summary>
public sealed class WorkerCommand_BadSettings
{
    [Fact]
    public void An_unknown_bus_in_STREAMRISK_BUS_exits_2_naming_the_variable()
    {
        var (code, stdout, stderr) = CliInvocation.Run(
            new Dictionary<string, string> { [PipelineSettings.BusVariable] = "carrier-pigeon" }, "worker", "ingest");
        Assert.Equal(2, code);
        Assert.Contains(PipelineSettings.BusVariable, stderr);
        Assert.Contains("carrier-pigeon", stderr);
        Assert.DoesNotContain("stage ingest started", stdout);
    }

    [Fact]
    public void A_kafka_bus_without_brokers_exits_2_naming_the_bootstrap_variable()
    {
        var (code, _, stderr) = CliInvocation.Run(
            new Dictionary<string, string> { [PipelineSettings.BusVariable] = "kafka" }, "worker", "enrich");
        Assert.Equal(2, code);
        Assert.Contains(PipelineSettings.KafkaBootstrapVariable, stderr);
    }
}
