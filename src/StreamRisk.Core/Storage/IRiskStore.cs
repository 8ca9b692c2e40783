using StreamRisk.Core.Events;

namespace StreamRisk.Core.Storage;

/// <summary>An input exactly as it arrived, kept so that <c>streamrisk replay</c> can run history again.</summary>
/// <param name="Seq">Arrival order, 1-based, unique.</param>
public sealed record RawInput(long Seq, string Topic, string Key, byte[] Value);

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

    public bool IsEmpty =>
        RawInputs.Count + Documents.Count + FirmSentiments.Count + IndustrySentiments.Count + DailySentiments.Count
        + Fundamentals.Count + Spreads.Count + RiskScores.Count + Alerts.Count + DeadLetters.Count == 0;
}

/// <summary>Row counts per table, for summaries and for comparing two stores.</summary>
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

    Task<IReadOnlyList<DailySentiment>> GetDailySentimentAsync(string issuerId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<RiskScore>> GetRiskScoresAsync(string issuerId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<RiskAlert>> GetAlertsAsync(CancellationToken cancellationToken = default);
    Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(CancellationToken cancellationToken = default);

    /// <summary>Every stored document in ingest order (then doc id): what comparing two stores by value reads (a
    /// crash-recovered run against an uninterrupted one).</summary>
    Task<IReadOnlyList<NewsDocument>> GetDocumentsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every firm-level row in ingest order (then event id): a restarted aggregate stage rebuilds its daily
    /// index from these.</summary>
    Task<IReadOnlyList<FirmSentiment>> GetFirmSentimentsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every industry-level row in ingest order (then event id).</summary>
    Task<IReadOnlyList<IndustrySentiment>> GetIndustrySentimentsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every fundamentals row, by issuer then period end: a restarted score stage rebuilds its market history.</summary>
    Task<IReadOnlyList<Fundamentals>> GetFundamentalsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every spread observation, by issuer then day.</summary>
    Task<IReadOnlyList<SpreadObservation>> GetSpreadsAsync(CancellationToken cancellationToken = default);
    Task<StoreCounts> CountAsync(CancellationToken cancellationToken = default);
}
