using System.Globalization;
using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Running;

/// <summary>One input record as read from a file: the topic it belongs to, its key, its raw bytes, and where it came from.</summary>
public sealed record InputRecord(string Topic, string Key, byte[] Value, string Origin);

/// <summary>
/// Publishes input records onto the bus, numbering them in arrival order (<c>sr_input_seq</c>) so that the store
/// keeps them for replay and replay publishes them in the same order.
/// </summary>
public sealed class InputFeeder(IEventProducer producer, TimeProvider time)
{
    private long _seq;

    public long Published => _seq;

    public async ValueTask PublishAsync(InputRecord record, CancellationToken cancellationToken, long? seq = null)
    {
        var number = seq ?? _seq + 1;
        _seq = Math.Max(_seq, number);
        var now = time.GetUtcNow();
        var headers = EventHeaders.For($"input-{number}", record.Topic, "input", now, null);
        headers[EventHeaders.InputSeq] = number.ToString(CultureInfo.InvariantCulture);
        headers[EventHeaders.EnteredAt] = time.GetTimestamp().ToString(CultureInfo.InvariantCulture);
        await producer.ProduceAsync(record.Topic, new BusMessage(record.Key, record.Value, headers), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Which topic a file's records go to: by file name (fundamentals*, spreads*), news otherwise.</summary>
    public static string TopicForFile(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.StartsWith("fundamentals", StringComparison.Ordinal)) return Topics.Fundamentals;
        if (name.StartsWith("spreads", StringComparison.Ordinal)) return Topics.Spreads;
        return Topics.NewsRaw;
    }
}
