using System.Text;
using StreamRisk.Core.Bus;
using StreamRisk.Infrastructure.Kafka;

namespace StreamRisk.Tests.Shared.Kafka;

/// <summary>
/// librdkafka's in-process mock cluster: real Kafka wire protocol on 127.0.0.1, no broker to install. Topics are made
/// through the mock's own API (it has no Admin API), with the whole catalog of <c>infra/kafka/topics.json</c> up front.
/// Never call ListConsumerGroups / DescribeConsumerGroups against it: the process aborts.
/// </summary>
public sealed class MockKafkaCluster : IKafkaTopicCreator, IDisposable
{
    private const int ErrTopicAlreadyExists = 36;
    private readonly LibrdkafkaMockApi api = LibrdkafkaMockApi.Instance;
    private readonly IntPtr handle;
    private readonly IntPtr cluster;
    private int disposed;

    public MockKafkaCluster()
    {
        var errors = new byte[512];
        var conf = api.ConfNew();
        // The handle only hosts the cluster and never connects: silence its "no bootstrap.servers" warning.
        api.ConfSet(conf, "log_level", "3", errors, (UIntPtr)errors.Length);
        handle = api.KafkaNew(0, conf, errors, (UIntPtr)errors.Length);
        if (handle == IntPtr.Zero)
        {
            throw new InvalidOperationException($"rd_kafka_new failed: {Encoding.UTF8.GetString(errors).TrimEnd('\0')}");
        }
        cluster = api.ClusterNew(handle, 1);
        if (cluster == IntPtr.Zero)
        {
            api.KafkaDestroy(handle);
            throw new InvalidOperationException("rd_kafka_mock_cluster_new failed");
        }
        // Groups form at once and KIP-848 members hear about assignment changes within a tenth of a second.
        api.InitialRebalanceDelayMs(cluster, 0);
        api.ConsumerGroupHeartbeatIntervalMs(cluster, 100);
        api.ConsumerGroupSessionTimeoutMs(cluster, 3000);
        BootstrapServers = System.Runtime.InteropServices.Marshal.PtrToStringUTF8(api.Bootstraps(cluster))
            ?? throw new InvalidOperationException("the mock cluster has no bootstrap address");
        Catalog = KafkaTopicCatalog.LoadEmbedded();
        foreach (var topic in Catalog.Topics)
        {
            CreateTopic(topic.ToSpec());
        }
    }

    public string BootstrapServers { get; }

    public KafkaTopicCatalog Catalog { get; }

    /// <summary>Options for a bus on this cluster: KIP-848 groups, which the mock rebalances without waiting.</summary>
    public KafkaBusOptions Options(Confluent.Kafka.GroupProtocol protocol = Confluent.Kafka.GroupProtocol.Consumer) => new()
    {
        BootstrapServers = BootstrapServers,
        ClientId = "streamrisk-tests",
        GroupProtocol = protocol,
        SessionTimeout = TimeSpan.FromSeconds(2),
        HeartbeatInterval = TimeSpan.FromMilliseconds(200),
        ReplicationFactor = 1,
    };

    public KafkaEventBus CreateBus(Confluent.Kafka.GroupProtocol protocol = Confluent.Kafka.GroupProtocol.Consumer) =>
        new(Options(protocol), this);

    /// <summary>Creates the topic; an existing one keeps its partitions.</summary>
    public void CreateTopic(TopicSpec topic)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) == 1, this);
        var error = api.TopicCreate(cluster, topic.Name, topic.Partitions, 1);
        if (error != 0 && error != ErrTopicAlreadyExists)
        {
            throw new InvalidOperationException($"rd_kafka_mock_topic_create({topic.Name}) failed with error {error}");
        }
    }

    public Task EnsureTopicAsync(TopicSpec topic, CancellationToken cancellationToken = default)
    {
        CreateTopic(topic);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }
        api.ClusterDestroy(cluster);
        api.KafkaDestroy(handle);
    }
}
