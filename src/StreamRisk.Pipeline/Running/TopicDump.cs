using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Infrastructure.Storage;

namespace StreamRisk.Pipeline.Running;

/// <summary>
/// Writes every topic's events to <c>DIR/&lt;topic&gt;.jsonl</c>, one event per line, as the run goes: after each step
/// of the driver it appends what arrived, in (topic, partition, offset) order. The order is stable, so two runs over the
/// same input give byte-identical files; and since it reads as a consumer group and commits, the bus may drop what it
/// wrote (<see cref="Infrastructure.Bus.InMemoryEventBus.DiscardConsumed"/>), which keeps long runs in bounded memory.
/// </summary>
public sealed class TopicDump : IAsyncDisposable
{
    private readonly IEventConsumer _consumer;
    private readonly Dictionary<string, FileStream> _files = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly string _directory;
    private bool _failed;

    private TopicDump(IEventBus bus, string directory)
    {
        _directory = Path.GetFullPath(directory);
        _consumer = bus.CreateConsumer("streamrisk-out", Topics.All);
        foreach (var topic in Topics.All)
        {
            _files[topic] = new FileStream(Path.Combine(directory, topic + ".jsonl"), FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
            _counts[topic] = 0;
        }
    }

    public IReadOnlyDictionary<string, int> Counts => _counts;

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
        catch (Exception ex) when (SqliteStoreFile.IsDiskFull(ex))
        {
            throw DiskFull(Path.GetFullPath(directory), ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new InputException($"output folder '{directory}' is not writable: {ex.Message}");
        }
    }

    public static TopicDump Open(IEventBus bus, string directory)
    {
        EnsureWritable(directory);
        return new TopicDump(bus, directory);
    }

    /// <summary>Appends everything published since the last call.</summary>
    public async Task AppendAvailableAsync(CancellationToken cancellationToken)
    {
        var messages = new List<ConsumedMessage>();
        IReadOnlyList<ConsumedMessage> batch;
        while ((batch = await _consumer.ConsumeAsync(4096, TimeSpan.Zero, cancellationToken).ConfigureAwait(false)).Count > 0)
        {
            messages.AddRange(batch);
        }
        if (messages.Count == 0)
        {
            return;
        }
        messages.Sort((a, b) =>
        {
            var byTopic = string.CompareOrdinal(a.Topic, b.Topic);
            if (byTopic != 0) return byTopic;
            return a.Partition != b.Partition ? a.Partition.CompareTo(b.Partition) : a.Offset.CompareTo(b.Offset);
        });
        try
        {
            foreach (var message in messages)
            {
                var file = _files[message.Topic];
                await file.WriteAsync(message.Value, cancellationToken).ConfigureAwait(false);
                file.WriteByte((byte)'\n');
                _counts[message.Topic]++;
            }
        }
        catch (IOException ex) when (SqliteStoreFile.IsDiskFull(ex))
        {
            _failed = true;
            throw DiskFull(_directory, ex);
        }
        await _consumer.CommitAsync(messages, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        Exception? full = null;
        foreach (var file in _files.Values)
        {
            try
            {
                // Closing flushes what is still buffered, which can be where a full disk shows first.
                await file.DisposeAsync().ConfigureAwait(false);
            }
            catch (IOException ex) when (SqliteStoreFile.IsDiskFull(ex))
            {
                full ??= ex;
            }
        }
        await _consumer.DisposeAsync().ConfigureAwait(false);
        // After a failed append the run is already stopping with that error: do not replace it with the same one.
        if (full is not null && !_failed)
        {
            throw DiskFull(_directory, full);
        }
    }

    /// <summary>The files are rewritten from the start by the next run, so running the same command again repairs them.</summary>
    private static ConfigurationException DiskFull(string directory, Exception ex) =>
        new($"the disk holding the output folder '{directory}' is full ({ex.Message}); free space and run the same command again", ex);
}
