using System.Text.Json;

namespace StreamRisk.Infrastructure.Kafka;

/// <summary>
/// The topic list of <c>infra/kafka/topics.json</c>: names, partitions and retention. The file is also embedded in
/// this assembly so a deployed binary needs no repository checkout.
/// </summary>
public sealed class KafkaTopicCatalog
{
    private const string ResourceName = "StreamRisk.Infrastructure.Kafka.topics.json";
    private readonly Dictionary<string, KafkaTopicDefinition> byName;

    private KafkaTopicCatalog(IReadOnlyList<KafkaTopicDefinition> topics)
    {
        Topics = topics;
        byName = topics.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<KafkaTopicDefinition> Topics { get; }

    public KafkaTopicDefinition? Find(string name) => byName.GetValueOrDefault(name);

    public static KafkaTopicCatalog LoadEmbedded()
    {
        using var stream = typeof(KafkaTopicCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"resource {ResourceName} is missing from the assembly");
        return Load(stream);
    }

    public static KafkaTopicCatalog LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Parses the catalog; throws <see cref="InvalidDataException"/> when it is malformed or inconsistent.</summary>
    public static KafkaTopicCatalog Load(Stream json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"topic catalog is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            if (!document.RootElement.TryGetProperty("topics", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException("topic catalog needs a \"topics\" array");
            }
            var topics = new List<KafkaTopicDefinition>(list.GetArrayLength());
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in list.EnumerateArray())
            {
                var topic = ReadTopic(entry);
                if (!seen.Add(topic.Name))
                {
                    throw new InvalidDataException($"topic {topic.Name} is listed twice");
                }
                topics.Add(topic);
            }
            return new KafkaTopicCatalog(topics);
        }
    }

    private static KafkaTopicDefinition ReadTopic(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object
            || !entry.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
            || !entry.TryGetProperty("partitions", out var partitions) || partitions.ValueKind != JsonValueKind.Number
            || !partitions.TryGetInt32(out var partitionCount)
            || !entry.TryGetProperty("retention_ms", out var retention) || retention.ValueKind != JsonValueKind.Number
            || !retention.TryGetInt64(out var retentionMs))
        {
            throw new InvalidDataException($"topic entry {entry.GetRawText()} needs name, partitions and retention_ms");
        }
        var topicName = name.GetString()!;
        if (topicName.Length == 0 || partitionCount < 1 || retentionMs < -1)
        {
            throw new InvalidDataException(
                $"topic {topicName}: needs a name, partitions >= 1 and retention_ms >= -1");
        }
        return new KafkaTopicDefinition(topicName, partitionCount, retentionMs);
    }
}
