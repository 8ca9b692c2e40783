using StreamRisk.Core.Storage;

namespace StreamRisk.Pipeline.Running;

/// <summary>
/// The embedded run's way in: each chunk of input is appended to the store's input journal (one transaction) before
/// any of it is published, and only the inputs the journal did not hold yet are published. A re-run over the same
/// files therefore takes in only what is new, numbered after what is stored, and a run cut short at any point
/// leaves its inputs in the journal, from where the next run feeds the unfinished ones again
/// (<see cref="IRiskStore.ReadUnfinishedRawInputsAsync"/>).
/// </summary>
/// <param name="consumedTopics">The input topics a stage of this run consumes; inputs of other topics (market data
/// in an ingest-only run) are journaled but not published, and stay unfinished for a run that consumes them.</param>
public sealed class InputJournal(IRiskStore store, InputFeeder feeder, IReadOnlyList<string> consumedTopics)
{
    private readonly Dictionary<string, long> _fed = new(StringComparer.Ordinal);

    /// <summary>Input records offered to the journal.</summary>
    public long Read { get; private set; }

    /// <summary>Records the journal already held (the same topic, key and bytes), which were not published again.</summary>
    public long AlreadyStored { get; private set; }

    /// <summary>Appends <paramref name="chunk"/> (records with seq 0 are numbered by the store); returns what was new,
    /// numbered, for <see cref="FeedAsync"/>.</summary>
    public async Task<IReadOnlyList<RawInput>> AppendAsync(IReadOnlyList<RawInput> chunk, CancellationToken cancellationToken)
    {
        if (chunk.Count == 0)
        {
            return [];
        }
        Read += chunk.Count;
        var appended = await store.AppendRawInputsAsync(chunk, cancellationToken).ConfigureAwait(false);
        AlreadyStored += chunk.Count - appended.Count;
        return appended;
    }

    /// <summary>Per topic, the highest seq published since the last call: what a finished step lets the store check off.</summary>
    public IReadOnlyList<InputCheckpoint> TakeFedCheckpoints()
    {
        var checkpoints = _fed.Select(kv => new InputCheckpoint(kv.Key, kv.Value)).ToArray();
        _fed.Clear();
        return checkpoints;
    }

    /// <summary>Publishes a journaled input (just appended, or one an earlier run did not finish).</summary>
    public async ValueTask FeedAsync(RawInput raw, CancellationToken cancellationToken)
    {
        if (!consumedTopics.Contains(raw.Topic))
        {
            return;
        }
        await feeder.PublishAsync(new InputRecord(raw.Topic, raw.Key, raw.Value, $"input:{raw.Seq}"), cancellationToken, raw.Seq).ConfigureAwait(false);
        _fed[raw.Topic] = _fed.TryGetValue(raw.Topic, out var fed) ? Math.Max(fed, raw.Seq) : raw.Seq;
    }
}
