using StreamRisk.Core.Events;
using StreamRisk.Core.Ingest;

namespace StreamRisk.Core.Storage;

/// <summary>An input exactly as it arrived, kept so that <c>streamrisk replay</c> can run history again.</summary>
/// <param name="Seq">Arrival order, 1-based, unique; 0 for an input the journal has not numbered yet.</param>
public sealed record RawInput(long Seq, string Topic, string Key, byte[] Value)
{
    /// <summary>The input's identity in the journal: SHA-256 over topic, key and bytes, lower-case hex. Two inputs with
    /// the same hash are the same record read twice (a re-run over the same files), never two events.</summary>
    public string ContentHash => field ??= RawInputHash.Of(Topic, Key, Value);
}

/// <summary>Per input topic, the last input seq every stage has finished with (see <see cref="IRiskStore.UpsertAsync"/>).</summary>
public sealed record InputCheckpoint(string Topic, long Seq);

/// <summary>All outbox entries one stage wrote for one topic: deleted together once every consumer of the topic has
/// committed them (the embedded run's bus dies with its process, so "published" is not yet "safe").</summary>
public sealed record OutboxTopic(string Stage, string Topic);

/// <summary>
/// An event a stage emitted, kept in the stage's transactional outbox: written in the same transaction as the state
/// it goes with, published afterwards, and deleted once published. State and emitted events therefore never disagree:
/// a crash after the commit leaves the event in the outbox, and the next instance of the stage publishes it.
/// </summary>
/// <param name="Stage">The stage that emitted it; each stage relays only its own outbox.</param>
public sealed record OutboxMessage(string Stage, string Topic, string Key, string EventId, byte[] Value, IReadOnlyDictionary<string, string> Headers);

/// <summary>A published outbox entry, named by its identity, to be deleted with the stage's next transaction.</summary>
public sealed record OutboxReceipt(string Stage, string Topic, string EventId);

/// <summary>
/// One input a stage has consumed, recorded in the stage's inbox in the same transaction as the effects it had, so a
/// restarted stage knows exactly which inputs its durable state contains and can recognise a redelivered one.
/// </summary>
/// <param name="Applied">True: the input changed the stage's state; false: the stage refused it (e.g. too late).</param>
public sealed record InboxEntry(string Stage, string EventId, bool Applied);

/// <summary>What one stage makes durable together, in one transaction.</summary>
public sealed record StoreBatch
{
    public IReadOnlyList<RawInput> RawInputs { get; init; } = [];
    public IReadOnlyList<NewsDocument> Documents { get; init; } = [];
    public IReadOnlyList<FirmSentiment> FirmSentiments { get; init; } = [];
    public IReadOnlyList<IndustrySentiment> IndustrySentiments { get; init; } = [];
    public IReadOnlyList<DailySentiment> DailySentiments { get; init; } = [];
    public IReadOnlyList<Fundamentals> Fundamentals { get; init; } = [];
    public IReadOnlyList<SpreadObservation> Spreads { get; init; } = [];
    public IReadOnlyList<RiskScore> RiskScores { get; init; } = [];
    public IReadOnlyList<RiskAlert> Alerts { get; init; } = [];
    public IReadOnlyList<DeadLetter> DeadLetters { get; init; } = [];

    /// <summary>Events to publish once this transaction commits.</summary>
    public IReadOnlyList<OutboxMessage> Outbox { get; init; } = [];

    /// <summary>Outbox entries published since the last transaction: deleted in this one (a crash before that only
    /// publishes them once more, and every consumer is idempotent by event id).</summary>
    public IReadOnlyList<OutboxReceipt> OutboxSent { get; init; } = [];

    public IReadOnlyList<InboxEntry> Inbox { get; init; } = [];

    /// <summary>Whole (stage, topic) outboxes to delete in this transaction.</summary>
    public IReadOnlyList<OutboxTopic> OutboxDrained { get; init; } = [];

    /// <summary>Input checkpoints to advance (a stored checkpoint never moves back).</summary>
    public IReadOnlyList<InputCheckpoint> InputCheckpoints { get; init; } = [];

    public bool IsEmpty =>
        RawInputs.Count + Documents.Count + FirmSentiments.Count + IndustrySentiments.Count + DailySentiments.Count
        + Fundamentals.Count + Spreads.Count + RiskScores.Count + Alerts.Count + DeadLetters.Count
        + Outbox.Count + OutboxSent.Count + Inbox.Count + OutboxDrained.Count + InputCheckpoints.Count == 0;
}

/// <summary>Row counts per table, for summaries and for comparing two stores; alerts counts those in force (not retracted).</summary>
public sealed record StoreCounts(
    long RawInputs, long Documents, long FirmSentiments, long IndustrySentiments, long DailySentiments,
    long Fundamentals, long Spreads, long RiskScores, long Alerts, long DeadLetters);

/// <summary>
/// Durable state of the pipeline. Every write is an idempotent upsert keyed by the event's identity
/// (doc id; event id; issuer + day; issuer + period; alert id; dead-letter id), so writing a batch twice leaves the
/// same rows as writing it once. Daily sentiment and risk scores keep the highest revision.
/// </summary>
public interface IRiskStore : IAsyncDisposable
{
    /// <summary>Creates or upgrades the schema; safe to call on every start.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes the whole batch in one transaction.</summary>
    Task UpsertAsync(StoreBatch batch, CancellationToken cancellationToken = default);

    /// <summary>Doc ids and content hashes already stored: ingest's duplicate check survives restarts.</summary>
    Task<bool> IsKnownDocumentAsync(string docId, string contentHash, CancellationToken cancellationToken = default);

    /// <summary>Raw inputs in arrival order, for replay.</summary>
    IAsyncEnumerable<RawInput> ReadRawInputsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The input journal, in one transaction: appends each input whose <see cref="RawInput.ContentHash"/> is not stored
    /// yet, in order, and returns those appended. An input with <see cref="RawInput.Seq"/> 0 is numbered after the
    /// highest stored seq; one with a seq keeps it (replay), and is skipped if that seq is taken. A stored input is never
    /// replaced.
    /// </summary>
    Task<IReadOnlyList<RawInput>> AppendRawInputsAsync(IReadOnlyList<RawInput> inputs, CancellationToken cancellationToken = default);

    /// <summary>Raw inputs of <paramref name="topics"/> after their topic's <see cref="InputCheckpoint"/> (all of them
    /// where there is none), in seq order: what a run cut short had taken in but not finished.</summary>
    IAsyncEnumerable<RawInput> ReadUnfinishedRawInputsAsync(IReadOnlyCollection<string> topics, CancellationToken cancellationToken = default);

    /// <summary>Documents whose ingest seq is after the <see cref="Topics.Docs"/> checkpoint (all where there is none), in
    /// ingest order: those whose later stages a run cut short may not have finished.</summary>
    IAsyncEnumerable<NewsDocument> ReadUnfinishedDocumentsAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DailySentiment>> GetDailySentimentAsync(string issuerId, CancellationToken cancellationToken = default);

    /// <summary>The daily values of <paramref name="issuerId"/> from <paramref name="from"/> to <paramref name="to"/>
    /// (inclusive; null: no end), by day: what the score stage scores again when a late spread or statement arrives.</summary>
    Task<IReadOnlyList<DailySentiment>> GetDailySentimentAsync(string issuerId, DateOnly from, DateOnly? to, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<RiskScore>> GetRiskScoresAsync(string issuerId, CancellationToken cancellationToken = default);
    /// <summary>Every alert, in force or retracted (the latest revision of each), by alert id.</summary>
    Task<IReadOnlyList<RiskAlert>> GetAlertsAsync(CancellationToken cancellationToken = default);
    Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(CancellationToken cancellationToken = default);

    /// <summary>Every stored document in ingest order (then doc id): what comparing two stores by value reads (a
    /// crash-recovered run against an uninterrupted one).</summary>
    Task<IReadOnlyList<NewsDocument>> GetDocumentsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every firm-level row in ingest order (then event id).</summary>
    Task<IReadOnlyList<FirmSentiment>> GetFirmSentimentsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every industry-level row in ingest order (then event id).</summary>
    Task<IReadOnlyList<IndustrySentiment>> GetIndustrySentimentsAsync(CancellationToken cancellationToken = default);

    /// <summary>The firm-level rows <paramref name="stage"/>'s inbox records as applied, in ingest order (then event id):
    /// exactly the texts a restarted aggregate stage's durable state contains.</summary>
    Task<IReadOnlyList<FirmSentiment>> GetAppliedFirmSentimentsAsync(string stage, CancellationToken cancellationToken = default);

    /// <summary>The industry-level rows <paramref name="stage"/>'s inbox records as applied, in ingest order (then event id).</summary>
    Task<IReadOnlyList<IndustrySentiment>> GetAppliedIndustrySentimentsAsync(string stage, CancellationToken cancellationToken = default);

    /// <summary>The firm-level rows of <paramref name="issuerId"/> published on or after <paramref name="fromDay"/> (UTC)
    /// that <paramref name="stage"/>'s inbox records as applied: what a pruned stretch of its daily index held.</summary>
    Task<IReadOnlyList<FirmSentiment>> GetAppliedFirmSentimentsAsync(string stage, string issuerId, DateOnly fromDay,
        CancellationToken cancellationToken = default);

    /// <summary>The industry-level rows of <paramref name="industryId"/> published on or after <paramref name="fromDay"/>
    /// (UTC) that <paramref name="stage"/>'s inbox records as applied.</summary>
    Task<IReadOnlyList<IndustrySentiment>> GetAppliedIndustrySentimentsAsync(string stage, string industryId, DateOnly fromDay,
        CancellationToken cancellationToken = default);

    /// <summary>Which of <paramref name="eventIds"/> <paramref name="stage"/>'s inbox holds (applied or refused).</summary>
    Task<IReadOnlySet<string>> GetInboxAsync(string stage, IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken = default);

    /// <summary><paramref name="stage"/>'s outbox entries not yet published, in the order they were written.</summary>
    Task<IReadOnlyList<OutboxMessage>> GetOutboxAsync(string stage, CancellationToken cancellationToken = default);

    /// <summary>Publication time and stamp of the last <paramref name="count"/> stored documents by ingest sequence (all
    /// of them when fewer are stored), in ingest order: a restarted ingest rebuilds its watermark from them
    /// (<see cref="Ingest.IngestWatermark.Restore"/>).</summary>
    Task<IReadOnlyList<IngestedDocumentTime>> GetLatestDocumentTimesAsync(int count, CancellationToken cancellationToken = default);

    /// <summary>Every fundamentals row, by issuer then period end: a restarted score stage rebuilds its market history.</summary>
    Task<IReadOnlyList<Fundamentals>> GetFundamentalsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every spread observation, by issuer then day.</summary>
    Task<IReadOnlyList<SpreadObservation>> GetSpreadsAsync(CancellationToken cancellationToken = default);
    Task<StoreCounts> CountAsync(CancellationToken cancellationToken = default);
}
