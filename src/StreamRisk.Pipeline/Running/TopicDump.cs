using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;

namespace StreamRisk.Pipeline.Running;

/// <summary>
/// Writes every topic's events to <c>DIR/&lt;topic&gt;.jsonl</c>, one event per line in (partition, offset) order:
/// a stable order, so two runs over the same input give byte-identical files.
/// </summary>
public static class TopicDump
{
    /// <summary>Fails early, with the path, when the folder cannot be created or written.</summary>
    public static void EnsureWritable(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, ".write-probe");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new InputException($"output folder '{directory}' is not writable: {ex.Message}");
        }
    }

    public static async Task<IReadOnlyDictionary<string, int>> WriteAsync(IEventBus bus, string directory, CancellationToken cancellationToken)
    {
        EnsureWritable(directory);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var topic in Topics.All)
        {
            var messages = new List<ConsumedMessage>();
            await using (var consumer = bus.CreateConsumer("streamrisk-dump-" + Guid.NewGuid().ToString("N"), [topic]))
            {
                while (true)
                {
                    var batch = await consumer.ConsumeAsync(4096, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
                    if (batch.Count == 0) break;
                    messages.AddRange(batch);
                }
            }
            messages.Sort((a, b) => a.Partition != b.Partition ? a.Partition.CompareTo(b.Partition) : a.Offset.CompareTo(b.Offset));
            var path = Path.Combine(directory, topic + ".jsonl");
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
            foreach (var message in messages)
            {
                await file.WriteAsync(message.Value, cancellationToken).ConfigureAwait(false);
                file.WriteByte((byte)'\n');
            }
            counts[topic] = messages.Count;
        }
        return counts;
    }
}
