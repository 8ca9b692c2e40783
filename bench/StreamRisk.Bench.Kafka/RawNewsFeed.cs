using System.Globalization;
using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Pipeline.Running;

namespace StreamRisk.Bench.Kafka;

/// <summary>
/// Publishes benchmark texts to news.raw.v1 as <c>streamrisk</c>'s input feeder does (<c>sr_input_seq</c>,
/// <c>sr_entered_at</c> headers), without awaiting each delivery: one awaited produce costs a broker round trip.
/// </summary>
public sealed class RawNewsFeed(BenchCorpus corpus, IEventProducer producer) : IAsyncDisposable
{
    private static readonly DateTimeOffset FirstPublished = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly InputFeeder _feeder = new(producer, TimeProvider.System);
    private readonly List<Task> _inFlight = [];

    /// <summary>Texts published so far; the next one is text number <see cref="Published"/>.</summary>
    public int Published { get; private set; }

    public void Publish(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var n = Published++;
            var key = "bench-" + n.ToString(CultureInfo.InvariantCulture);
            _inFlight.Add(_feeder.PublishAsync(new InputRecord(Topics.NewsRaw, key, corpus.Document(n, FirstPublished), "bench"), CancellationToken.None).AsTask());
        }
    }

    /// <summary>Waits until everything published is in the log.</summary>
    public async Task DeliveredAsync()
    {
        await Task.WhenAll(_inFlight).ConfigureAwait(false);
        _inFlight.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await DeliveredAsync().ConfigureAwait(false);
        await producer.DisposeAsync().ConfigureAwait(false);
    }
}
