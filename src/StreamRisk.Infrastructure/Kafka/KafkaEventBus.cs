using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StreamRisk.Core.Bus;

namespace StreamRisk.Infrastructure.Kafka;

/// <summary>
/// <see cref="IEventBus"/> on Kafka (Confluent.Kafka / librdkafka). Producers are idempotent and place keys with
/// murmur2 like <see cref="KeyPartitioner"/>; consumers commit explicitly after the caller's effects (at-least-once).
/// </summary>
public sealed class KafkaEventBus : IEventBus
{
    private readonly KafkaBusOptions options;
    private readonly IKafkaTopicCreator topicCreator;
    private readonly bool ownsTopicCreator;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<IAsyncDisposable, byte> open = new();

    /// <param name="topicCreator">How topics get created: <see cref="AdminClientTopicCreator"/> on a real cluster,
    /// the mock cluster's own API in tests. The caller keeps ownership of it.</param>
    public KafkaEventBus(KafkaBusOptions options, IKafkaTopicCreator topicCreator, ILogger<KafkaEventBus>? logger = null)
        : this(options, topicCreator, ownsTopicCreator: false, logger)
    {
    }

    private KafkaEventBus(KafkaBusOptions options, IKafkaTopicCreator topicCreator, bool ownsTopicCreator, ILogger? logger)
    {
        this.options = options;
        this.topicCreator = topicCreator;
        this.ownsTopicCreator = ownsTopicCreator;
        this.logger = logger ?? NullLogger.Instance;
    }

    /// <summary>A bus on a real cluster: topics are created through the Admin API with the catalog's retention.</summary>
    public static KafkaEventBus Connect(KafkaBusOptions options, KafkaTopicCatalog? catalog = null, ILogger<KafkaEventBus>? logger = null) =>
        new(options, new AdminClientTopicCreator(options, catalog ?? KafkaTopicCatalog.LoadEmbedded()), ownsTopicCreator: true, logger);

    public Task EnsureTopicAsync(TopicSpec topic, CancellationToken cancellationToken = default) =>
        topicCreator.EnsureTopicAsync(topic, cancellationToken);

    public IEventProducer CreateProducer()
    {
        var producer = new KafkaEventProducer(KafkaClientConfigs.Producer(options), options.RequestTimeout, p => open.TryRemove(p, out _));
        open.TryAdd(producer, 0);
        return producer;
    }

    public IEventConsumer CreateConsumer(string groupId, IReadOnlyList<string> topics)
    {
        var consumer = new KafkaEventConsumer(
            KafkaClientConfigs.Consumer(options, groupId), topics, options.RequestTimeout, logger, c => open.TryRemove(c, out _));
        open.TryAdd(consumer, 0);
        return consumer;
    }

    /// <summary>Closes producers and consumers still open (consumers leave their groups), then the topic creator if
    /// this bus made it.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var client in open.Keys)
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }
        if (ownsTopicCreator && topicCreator is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
