using Microsoft.Extensions.Logging;
using StreamRisk.Core.Bus;
using StreamRisk.Infrastructure.Bus;
using StreamRisk.Infrastructure.Kafka;

namespace StreamRisk.Pipeline.Hosting;

/// <summary>The event bus a <see cref="PipelineSettings"/> names.</summary>
public static class EventBusFactory
{
    public static IEventBus Create(PipelineSettings settings, ILoggerFactory? logging = null)
    {
        settings.Validated();
        return settings.Bus switch
        {
            BusKind.Kafka => KafkaEventBus.Connect(KafkaOptions(settings), KafkaTopicCatalog.LoadEmbedded(), logging?.CreateLogger<KafkaEventBus>()),
            _ => new InMemoryEventBus(),
        };
    }

    /// <summary>Short sessions so that a restarted worker gets its partitions back within seconds, not the 45 s default.</summary>
    public static KafkaBusOptions KafkaOptions(PipelineSettings settings) => new()
    {
        BootstrapServers = settings.KafkaBootstrap!,
        ClientId = "streamrisk-worker",
        GroupProtocol = settings.KafkaGroupProtocol,
        SessionTimeout = TimeSpan.FromSeconds(6),
        HeartbeatInterval = TimeSpan.FromMilliseconds(500),
    };
}
