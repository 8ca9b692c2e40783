using StreamRisk.Core.Bus;
using StreamRisk.Core.Events;
using StreamRisk.Core.Ingest;
using StreamRisk.Core.Storage;

namespace StreamRisk.Pipeline.Stages;

/// <summary>
/// A stage over the bus: consume a batch, process it (pure logic in Core), make the results durable in the store, and
/// only then commit the input offsets; the outputs are published before the store write (<see cref="EventDelivery.Direct"/>)
/// or written with it to the transactional outbox and published after the commit (<see cref="EventDelivery.Outbox"/>).
/// A crash at any point redelivers the batch, and the idempotent upserts keyed by event identity make the second pass
/// leave the same rows (at-least-once delivery, exactly-once effects).
/// </summary>
public abstract class PipelineStage : IAsyncDisposable
{
    private readonly StageContext _context;
    private IEventConsumer _consumer;
    private readonly IEventProducer _producer;
    private readonly IRiskStore _store;
    private readonly TimeProvider _time;
    private PoisonSuspects _suspects = new();
    private readonly List<OutboxReceipt> _published = [];
    private bool _relayed;

    /// <summary>Reason code of a message the stage's own processing threw on twice.</summary>
    public const string ProcessingFailed = "processing_failed";

    protected PipelineStage(string name, IReadOnlyList<string> inputTopics, StageContext context)
    {
        Name = name;
        InputTopics = inputTopics;
        _context = context;
        _consumer = context.Bus.CreateConsumer(GroupId, inputTopics);
        _producer = context.Bus.CreateProducer();
        _store = context.Store;
        _time = context.Time;
        Counters = context.Counters;
    }

    public string Name { get; }

    /// <summary>The consumer group of this stage: every instance of a stage shares it, so they split the partitions.</summary>
    public string GroupId => "streamrisk-" + Name;
    public IReadOnlyList<string> InputTopics { get; }

    /// <summary>
    /// True for a stage whose results depend on the order of its inputs across partitions (aggregate: the event-time
    /// watermark). The lock-step driver then hands it everything waiting in one batch, which the stage puts in ingest
    /// order; split into several batches, a later partition's texts could close an earlier one's days.
    /// </summary>
    public virtual bool TakesWholeSteps => false;
    protected PipelineCounters Counters { get; }

    /// <summary>The store, for the few stages that must read what they wrote before (the aggregate's inbox).</summary>
    protected IRiskStore Store => _store;
    protected TimeProvider Time => _time;

    /// <summary>Takes over what a failed instance of this stage learnt about poison messages, so that a worker that
    /// rebuilds the stage after a failure still isolates a batch failing for the second time.</summary>
    public void InheritPoisonSuspects(PipelineStage previous) => _suspects = previous._suspects;

    /// <summary>Messages waiting for this stage on its input topics.</summary>
    public long Lag => _consumer.Lag;

    /// <summary>The spans of the batch being handled (null when nobody traces).</summary>
    private Telemetry.StageSpans? _spans;

    /// <summary>Processes one batch; returns how many input messages it handled (0: nothing was waiting).</summary>
    /// <remarks>A batch whose processing throws is delivered again; if processing throws on it a second time, the batch
    /// is processed message by message and the message that throws goes to <c>dlq.v1</c>, so one poison message cannot
    /// stop its partition. Failures of the store or the bus are only retried: they say nothing about the message.</remarks>
    public async Task<int> PumpAsync(int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        if (!_relayed && _context.UsesOutbox)
        {
            await RelayOutboxAsync(cancellationToken).ConfigureAwait(false);
            _relayed = true;
        }
        var batch = await _consumer.ConsumeAsync(maxMessages, maxWait, cancellationToken).ConfigureAwait(false);
        if (batch.Count == 0)
        {
            await ForgetPublishedAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
        var started = _time.GetTimestamp();
        using var spans = Telemetry.StageSpans.Start(Name, batch);
        _spans = spans;
        try
        {
            if (_suspects.IsRepeatOffender(batch))
            {
                await IsolatePoisonAsync(batch, cancellationToken).ConfigureAwait(false);
                _suspects.Clear();
            }
            else
            {
                await HandleAsync(batch, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            spans?.Failed(ex);
            if (ex is StageProcessingException)
            {
                _suspects.Failed(batch);
            }
            // The consumer has moved past this uncommitted batch: move it back so the batch is delivered again on the
            // next pump instead of being skipped. (Rejoining the group would do the same at the cost of a rebalance.)
            try
            {
                await _consumer.RewindAsync(batch, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception rewind) when (rewind is not OutOfMemoryException)
            {
                await _consumer.DisposeAsync().ConfigureAwait(false);
                _consumer = _context.Bus.CreateConsumer(GroupId, InputTopics);
            }
            throw;
        }
        finally
        {
            _spans = null;
        }
        Counters.StageBatch(Name, _time.GetElapsedTime(started));
        return batch.Count;
    }

    private async Task HandleAsync(IReadOnlyList<ConsumedMessage> batch, CancellationToken cancellationToken)
    {
        var output = new StageOutput();
        try
        {
            await ProcessAsync(batch, output, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !IsOutage(ex))
        {
            throw new StageProcessingException(Name, ex);
        }
        await PersistAsync(batch, output, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A failure of something the stage reads while processing (the aggregate stage reads its inbox and pruned days
    /// from the store): it says nothing about the message, so it is retried like a failed write and never counts
    /// towards dead-lettering the batch.
    /// </summary>
    private static bool IsOutage(Exception ex) =>
        ex is System.Data.Common.DbException or IOException or System.Net.Sockets.SocketException or TimeoutException
        || ex.InnerException is { } inner && IsOutage(inner);

    /// <summary>One message at a time, each committed on its own; the one whose processing throws is dead-lettered.</summary>
    private async Task IsolatePoisonAsync(IReadOnlyList<ConsumedMessage> batch, CancellationToken cancellationToken)
    {
        var single = new ConsumedMessage[1];
        foreach (var message in batch)
        {
            single[0] = message;
            var output = new StageOutput();
            try
            {
                await ProcessAsync(single, output, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !IsOutage(ex))
            {
                output = new StageOutput();
                DeadLetter(output, message, ProcessingFailed, $"{Name} failed on this message twice: {ex.Message}", ex.GetType().FullName);
            }
            await PersistAsync(single, output, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PersistAsync(IReadOnlyList<ConsumedMessage> batch, StageOutput output, CancellationToken cancellationToken)
    {
        var events = new BusEvent[output.Events.Count];
        var now = _time.GetUtcNow();
        for (var i = 0; i < events.Length; i++)
        {
            var e = output.Events[i];
            var headers = EventHeaders.For(e.EventId, e.Topic, Name, now, e.Cause?.Headers);
            if (_spans?.Of(e.Cause) is { } span)
            {
                EventHeaders.Traced(headers, span);
            }
            if (e.Headers is not null)
            {
                foreach (var (name, value) in e.Headers)
                {
                    headers[name] = value;
                }
            }
            events[i] = new BusEvent(e.Topic, e.EventId, new BusMessage(e.Key, e.Value, headers));
        }
        if (_context.UsesOutbox)
        {
            // Under OutboxUntilCheckpoint only some topics need the outbox; the others are published first, as Direct does.
            var direct = events.Where(e => !_context.UsesOutboxFor(e.Topic)).ToArray();
            await PublishAsync(direct, cancellationToken).ConfigureAwait(false);
            await PersistThroughOutboxAsync(batch, output, direct.Length == 0 ? events : events.Where(e => _context.UsesOutboxFor(e.Topic)).ToArray(),
                cancellationToken).ConfigureAwait(false);
            return;
        }
        // Direct: publish first, then store, then commit. Stored the other way round, a crash between the two would
        // leave rows whose events were never sent, and ingest, finding the documents already stored, would then drop
        // their redelivery as duplicates: they would never reach the later stages. This way a crash at any point only
        // causes a redelivery, and consumers and upserts are idempotent by event identity.
        await PublishAsync(events, cancellationToken).ConfigureAwait(false);
        var rows = output.Store.Build();
        if (!rows.IsEmpty)
        {
            await _store.UpsertAsync(rows, cancellationToken).ConfigureAwait(false);
        }
        await _consumer.CommitAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Transactional outbox: the state and the events it emits are written in one transaction, the input offsets are
    /// committed, and only then are the events published; entries published are deleted with the next transaction.
    /// A crash before the commit redelivers the batch (same rows, same outbox keys); a crash after it leaves the
    /// events waiting in the outbox, which the next instance of the stage publishes before it consumes anything.
    /// </summary>
    private async Task PersistThroughOutboxAsync(IReadOnlyList<ConsumedMessage> batch, StageOutput output, BusEvent[] events,
        CancellationToken cancellationToken)
    {
        var outbox = new OutboxMessage[events.Length];
        for (var i = 0; i < events.Length; i++)
        {
            var e = events[i];
            outbox[i] = new OutboxMessage(Name, e.Topic, e.Message.Key, e.EventId, e.Message.Value, e.Message.Headers!);
        }
        var rows = output.Store.Build() with { Outbox = outbox, OutboxSent = [.. _published] };
        if (!rows.IsEmpty)
        {
            await _store.UpsertAsync(rows, cancellationToken).ConfigureAwait(false);
        }
        _published.Clear();
        await _consumer.CommitAsync(batch, cancellationToken).ConfigureAwait(false);
        await PublishAsync(events, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Publishes what a stopped instance of this stage left in its outbox, before anything new.</summary>
    private async Task RelayOutboxAsync(CancellationToken cancellationToken)
    {
        var waiting = await _store.GetOutboxAsync(Name, cancellationToken).ConfigureAwait(false);
        if (waiting.Count == 0)
        {
            return;
        }
        var events = waiting.Select(o => new BusEvent(o.Topic, o.EventId, new BusMessage(o.Key, o.Value, o.Headers))).ToArray();
        await PublishAsync(events, cancellationToken).ConfigureAwait(false);
        await ForgetPublishedAsync(cancellationToken).ConfigureAwait(false);
        Counters.Relayed(events.Length);
    }

    /// <summary>Deletes the outbox entries published so far (when the stage is idle or at start, not on every batch).</summary>
    private async Task ForgetPublishedAsync(CancellationToken cancellationToken)
    {
        if (_published.Count == 0)
        {
            return;
        }
        await _store.UpsertAsync(new StoreBatch { OutboxSent = [.. _published] }, cancellationToken).ConfigureAwait(false);
        _published.Clear();
    }

    private async Task PublishAsync(IReadOnlyList<BusEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }
        // Send all, then wait for all: a Kafka producer pipelines them (order per partition is kept by the
        // idempotent producer), where awaiting each one would cost a broker round trip per event.
        var deliveries = new Task<DeliveryReport>[events.Count];
        for (var i = 0; i < deliveries.Length; i++)
        {
            deliveries[i] = _producer.ProduceAsync(events[i].Topic, events[i].Message, cancellationToken).AsTask();
        }
        await Task.WhenAll(deliveries).ConfigureAwait(false);
        await _producer.FlushAsync(cancellationToken).ConfigureAwait(false);
        // Under OutboxUntilCheckpoint the driver deletes the entries once their consumers have committed them.
        if (_context.Delivery == EventDelivery.Outbox)
        {
            foreach (var e in events)
            {
                _published.Add(new OutboxReceipt(Name, e.Topic, e.EventId));
            }
        }
    }

    private readonly record struct BusEvent(string Topic, string EventId, BusMessage Message);

    /// <summary>The stage's work on one batch, in input order.</summary>
    protected abstract ValueTask ProcessAsync(IReadOnlyList<ConsumedMessage> batch, StageOutput output, CancellationToken cancellationToken);

    /// <summary>Sends an input this stage cannot use to <c>dlq.v1</c> with the original bytes, and counts it.</summary>
    protected void DeadLetter(StageOutput output, ConsumedMessage message, string code, string reason, string? errorType = null)
    {
        // Named by the message's event id where it has one (every event a stage or the input journal publishes does):
        // the same input gives the same dead letter in every run, and a later run's input never takes an earlier one's
        // id, as offsets on a bus that starts empty with each embedded run would.
        var id = message.Headers.TryGetValue(EventHeaders.Id, out var eventId) && eventId.Length > 0
            ? $"{message.Topic}:{eventId}:{Name}"
            : $"{message.Topic}:{message.Partition}:{message.Offset}:{Name}";
        var letter = new DeadLetter(id, message.Topic, message.Partition, message.Offset, Name, code, reason, errorType,
            Convert.ToBase64String(message.Value));
        output.Store.DeadLetters.Add(letter);
        output.Events.Add(new OutgoingEvent(Topics.DeadLetters, message.Key, id, EventJson.Serialize(letter), message,
            DeadLetterHeaders.For(message, Name, errorType ?? code, reason)));
        Counters.DeadLettered(code);
    }

    /// <summary>Keeps the raw bytes of an external input so that replay can run it again (unless the input journal
    /// already holds it).</summary>
    protected void KeepRawInput(StageOutput output, ConsumedMessage message)
    {
        if (!_context.InputsJournaled && EventHeaders.InputSequence(message.Headers) is { } seq)
        {
            output.Store.RawInputs.Add(new RawInput(seq, message.Topic, message.Key, message.Value));
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_published.Count > 0)
        {
            // Best effort: what stays behind is only published once more by the next instance.
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await ForgetPublishedAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _published.Clear();
            }
        }
        await _consumer.DisposeAsync().ConfigureAwait(false);
        await _producer.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }
}

/// <summary>What every stage shares: the bus, the store, the clock, the run's counters, and how events leave a stage.</summary>
/// <param name="InputsJournaled">The external inputs are in the store's input journal before they are published (the
/// embedded run): the stages that consume them need not store them again.</param>
public sealed record StageContext(
    IEventBus Bus, IRiskStore Store, TimeProvider Time, PipelineCounters Counters, EventDelivery Delivery = EventDelivery.Direct,
    bool InputsJournaled = false)
{
    /// <summary>Some emitted events go through the stage's transactional outbox.</summary>
    public bool UsesOutbox => Delivery is EventDelivery.Outbox or EventDelivery.OutboxUntilCheckpoint;

    /// <summary>Whether events on <paramref name="topic"/> go through the outbox.</summary>
    public bool UsesOutboxFor(string topic) => Delivery switch
    {
        EventDelivery.Outbox => true,
        EventDelivery.OutboxUntilCheckpoint => CheckpointedOutboxTopics.Contains(topic),
        _ => false,
    };

    /// <summary>
    /// Under <see cref="EventDelivery.OutboxUntilCheckpoint"/>, the topics whose events a re-run could not derive again
    /// from stored rows: the daily index values, which the aggregate emits from state its inbox has already moved on.
    /// Everything else comes back without an outbox: documents after the docs checkpoint are published again from their
    /// table, the stateless stages (enrich, firm and industry sentiment) compute the same events from them, the score
    /// stage's inputs are daily values and journaled market data, and the alert stage re-derives its alerts from the
    /// stored scores when it is built. Dead letters and alerts have no consumer in the run.
    /// </summary>
    public static readonly IReadOnlySet<string> CheckpointedOutboxTopics = new HashSet<string>(StringComparer.Ordinal) { Topics.DailySentiment };
}

/// <summary>How a stage's emitted events reach the bus.</summary>
public enum EventDelivery
{
    /// <summary>Published before the state is stored: for a run whose bus lives and dies with the process (the
    /// embedded lock-step run), where an outbox would only cost a write per event.</summary>
    Direct,

    /// <summary>Written to the store's outbox with the state in one transaction, then published: for workers on a
    /// durable bus, so that a crash can never leave state without its events or events without their state.</summary>
    Outbox,

    /// <summary>As <see cref="Outbox"/>, but an entry stays in the outbox after it is published until the driver has
    /// seen every consumer commit it (<see cref="Running.PipelineDriver.CheckpointAsync"/>): for the embedded run, whose
    /// bus dies with the process, so that what was published but not yet consumed is published again after a crash.</summary>
    OutboxUntilCheckpoint,
}
