using Microsoft.Extensions.Logging;
using StreamRisk.Core.Bus;
using StreamRisk.Core.Subscriptions;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Pipeline.Notifications;

/// <summary>Runs the feed's fan-out inside an embedded run: after every step it takes everything the step published,
/// so the teams' feeds (and webhooks) are as current as the store.</summary>
/// <param name="ownsStore">Dispose <paramref name="store"/> with the observer.</param>
public sealed class FeedObserver(ISubscriptionStore store, FeedFanout fanout, FeedSignal signal, TimeProvider time, ILogger logger, bool ownsStore = false)
    : IRunObserver, IAsyncDisposable
{
    private FeedFanoutWorker? _worker;

    public long Appended => _worker?.Appended ?? 0;

    public Task AttachAsync(IEventBus bus, CancellationToken cancellationToken)
    {
        _worker = new FeedFanoutWorker(bus, store, fanout, signal, time, logger);
        return Task.CompletedTask;
    }

    public async Task AfterStepAsync(CancellationToken cancellationToken)
    {
        if (_worker is null)
        {
            throw new InvalidOperationException("the observer was not attached to the run's bus");
        }
        while (await _worker.PumpAsync(1024, TimeSpan.Zero, cancellationToken).ConfigureAwait(false) > 0)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_worker is not null)
        {
            await _worker.DisposeAsync().ConfigureAwait(false);
        }
        if (ownsStore)
        {
            await store.DisposeAsync().ConfigureAwait(false);
        }
    }
}
