using StreamRisk.Core.Bus;
using StreamRisk.Tests.Shared.Kafka;
using StreamRisk.Infrastructure.Tests.Bus;

namespace StreamRisk.Infrastructure.Tests.Kafka;

/// <summary>The shared bus contract, unchanged, against Kafka's wire protocol (librdkafka's mock cluster).</summary>
public sealed class KafkaEventBus_Contract(MockKafkaCluster cluster) : EventBusContract, IClassFixture<MockKafkaCluster>
{
    protected override Task<IEventBus> CreateBusAsync() => Task.FromResult<IEventBus>(cluster.CreateBus());
}
