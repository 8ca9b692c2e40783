using System.Runtime.InteropServices;

namespace StreamRisk.Tests.Shared.Kafka;

/// <summary>
/// The few librdkafka functions that run its in-process mock cluster (rdkafka.h / rdkafka_mock.h), bound to the very
/// library Confluent.Kafka loaded: the mock and the clients must share one copy of librdkafka.
/// </summary>
internal sealed class LibrdkafkaMockApi
{
    private static readonly Lazy<LibrdkafkaMockApi> Loaded = new(Load);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate IntPtr ConfNewFn();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int ConfSetFn(
        IntPtr conf, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value,
        byte[] errstr, UIntPtr errstrSize);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate IntPtr KafkaNewFn(int type, IntPtr conf, byte[] errstr, UIntPtr errstrSize);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void HandleFn(IntPtr handle);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate IntPtr ClusterNewFn(IntPtr rk, int brokerCount);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate IntPtr BootstrapsFn(IntPtr cluster);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int TopicCreateFn(
        IntPtr cluster, [MarshalAs(UnmanagedType.LPUTF8Str)] string topic, int partitions, int replicationFactor);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void ClusterIntFn(IntPtr cluster, int value);

    private LibrdkafkaMockApi(IntPtr library, string path)
    {
        LibraryPath = path;
        ConfNew = Bind<ConfNewFn>(library, "rd_kafka_conf_new");
        ConfSet = Bind<ConfSetFn>(library, "rd_kafka_conf_set");
        KafkaNew = Bind<KafkaNewFn>(library, "rd_kafka_new");
        KafkaDestroy = Bind<HandleFn>(library, "rd_kafka_destroy");
        ClusterNew = Bind<ClusterNewFn>(library, "rd_kafka_mock_cluster_new");
        ClusterDestroy = Bind<HandleFn>(library, "rd_kafka_mock_cluster_destroy");
        Bootstraps = Bind<BootstrapsFn>(library, "rd_kafka_mock_cluster_bootstraps");
        TopicCreate = Bind<TopicCreateFn>(library, "rd_kafka_mock_topic_create");
        InitialRebalanceDelayMs = Bind<ClusterIntFn>(library, "rd_kafka_mock_group_initial_rebalance_delay_ms");
        ConsumerGroupHeartbeatIntervalMs = Bind<ClusterIntFn>(library, "rd_kafka_mock_set_group_consumer_heartbeat_interval_ms");
        ConsumerGroupSessionTimeoutMs = Bind<ClusterIntFn>(library, "rd_kafka_mock_set_group_consumer_session_timeout_ms");
    }

    public static LibrdkafkaMockApi Instance => Loaded.Value;

    public string LibraryPath { get; }
    public ConfNewFn ConfNew { get; }
    public ConfSetFn ConfSet { get; }
    public KafkaNewFn KafkaNew { get; }
    public HandleFn KafkaDestroy { get; }
    public ClusterNewFn ClusterNew { get; }
    public HandleFn ClusterDestroy { get; }
    public BootstrapsFn Bootstraps { get; }
    public TopicCreateFn TopicCreate { get; }
    public ClusterIntFn InitialRebalanceDelayMs { get; }
    public ClusterIntFn ConsumerGroupHeartbeatIntervalMs { get; }
    public ClusterIntFn ConsumerGroupSessionTimeoutMs { get; }

    private static T Bind<T>(IntPtr library, string symbol) where T : Delegate =>
        Marshal.GetDelegateForFunctionPointer<T>(NativeLibrary.GetExport(library, symbol));

    private static LibrdkafkaMockApi Load()
    {
        // Confluent.Kafka picks the librdkafka build for this OS when first used; the process map then names the file.
        _ = Confluent.Kafka.Library.Version;
        var path = File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 6 && fields[5].Contains("librdkafka", StringComparison.Ordinal))
            .Select(fields => string.Join(' ', fields.Skip(5)))
            .FirstOrDefault()
            ?? throw new InvalidOperationException("Confluent.Kafka did not map a librdkafka into this process");
        return new LibrdkafkaMockApi(NativeLibrary.Load(path), path);
    }
}
