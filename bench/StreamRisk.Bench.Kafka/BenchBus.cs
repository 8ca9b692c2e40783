using StreamRisk.Infrastructure.Kafka;
using StreamRisk.Tests.Shared.Kafka;

namespace StreamRisk.Bench.Kafka;

/// <summary>The bus every measurement uses on its mock cluster, with one client setting made explicit.</summary>
public static class BenchBus
{
    /// <summary>
    /// librdkafka's fetch.wait.max.ms. A real broker answers a fetch as soon as data arrives; the mock cluster holds a
    /// fetch that found no data for the whole wait (librdkafka's default 500 ms), which charges each hop of a pipeline
    /// up to that much. The same value applies to the relay and to the pipeline.
    /// </summary>
    public static int FetchWaitMs { get; set; } = 10;

    public static KafkaEventBus Create(MockKafkaCluster cluster) => new(cluster.Options() with
    {
        Extra = new Dictionary<string, string> { ["fetch.wait.max.ms"] = FetchWaitMs.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    }, cluster);
}
