namespace StreamRisk.Core.Bus;

/// <summary>A message to publish: the key picks the partition (issuer id, industry id or doc id).</summary>
public sealed record BusMessage(string Key, byte[] Value, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>A message read from a topic partition at an offset.</summary>
public sealed record ConsumedMessage(
    string Topic,
    int Partition,
    long Offset,
    string Key,
    byte[] Value,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset Timestamp);

/// <summary>Where a published message landed.</summary>
public sealed record DeliveryReport(string Topic, int Partition, long Offset);

/// <summary>A topic's shape: name and partition count (retention is a production setting).</summary>
public sealed record TopicSpec(string Name, int Partitions);
