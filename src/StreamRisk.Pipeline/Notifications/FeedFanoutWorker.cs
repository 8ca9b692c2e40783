using Microsoft.Extensions.Logging;
using StreamRisk.Core.Bus;
using StreamRisk.Core.Subscriptions;

namespace StreamRisk.Pipeline.Notifications;

/// <summary>
/// Reads alerts, scores and industry sentiment from the bus (its own consumer group), appends what each team's
/// subscriptions want to the feed — with the webhook deliveries, in one transaction — and only then commits its offsets.
/// A crash re-reads the batch and the feed's idempotent appends leave it unchanged: every matched event reaches the feed
/// exactly once.
/// </summary>
public sealed class FeedFanoutWorker : IAsyncDisposable
{
    public const string GroupId = "streamrisk-feed";

    private readonly IEventConsumer _consumer;
    private readonly ISubscriptionStore _store;
    private readonly FeedFanout _fanout;
    private readonly FeedSignal _signal;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public FeedFanoutWorker(IEventBus bus, ISubscriptionStore store, FeedFanout fanout, FeedSignal signal, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(bus);
        _consumer = bus.CreateConsumer(GroupId, FeedFanout.InputTopics);
        _store = store;
        _fanout = fanout;
        _signal = signal;
        _time = time;
        _logger = logger;
    }

    /// <summary>Events that could not be read (they passed the producing stage's schema, so this means a bug); skipped.</summary>
    public long Unreadable { get; private set; }

    /// <summary>Feed entries appended so far (repeats of a redelivered batch not counted).</summary>
    public long Appended { get; private set; }

    /// <summary>Messages waiting for the fan-out on its topics. Asks the bus (on Kafka a broker round trip per partition):
    /// for a scrape, not for every batch.</summary>
    public long Lag => _consumer.Lag;

    /// <returns>How many bus messages the batch held (0: nothing was waiting).</returns>
    public async Task<int> PumpAsync(int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var batch = await _consumer.ConsumeAsync(maxMessages, maxWait, cancellationToken).ConfigureAwait(false);
        if (batch.Count == 0)
        {
            return 0;
        }
        // Read per batch: a subscription made a moment ago applies to the next event.
        var subscriptions = await _store.GetAllSubscriptionsAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var items = new List<FeedItem>();
        foreach (var message in batch)
        {
            try
            {
                items.AddRange(_fanout.Route(subscriptions, message.Topic, message.Value, now));
            }
            catch (System.Text.Json.JsonException ex)
            {
                Unreadable++;
                _logger.LogError(ex, "feed: unreadable {Topic} message at {Partition}:{Offset} skipped", message.Topic, message.Partition, message.Offset);
            }
        }
        var added = await _store.AppendToFeedAsync(items, now, cancellationToken).ConfigureAwait(false);
        await _consumer.CommitAsync(batch, cancellationToken).ConfigureAwait(false);
        Appended += added;
        if (added > 0)
        {
            // Only the teams this batch wrote to: the others' streams have nothing new to read.
            _signal.Notify(items.Select(item => item.TeamId).Distinct(StringComparer.Ordinal));
        }
        return batch.Count;
    }

    /// <summary>Pumps until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await PumpAsync(500, TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => _consumer.DisposeAsync();
}
