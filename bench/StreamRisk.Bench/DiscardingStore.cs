using StreamRisk.Core.Storage;

namespace StreamRisk.Bench;

/// <summary>A store whose writes cost nothing, to show how much of a figure the SQLite writes take.</summary>
internal sealed class DiscardingStore(IRiskStore inner) : IRiskStore
{
    public Task MigrateAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    public Task UpsertAsync(StoreBatch batch, CancellationToken cancellationToken = default) => Task.CompletedTask;
    public Task<bool> IsKnownDocumentAsync(string docId, string contentHash, CancellationToken cancellationToken = default) => Task.FromResult(false);
    public IAsyncEnumerable<RawInput> ReadRawInputsAsync(CancellationToken cancellationToken = default) => inner.ReadRawInputsAsync(cancellationToken);
    private long _lastSeq;
    public Task<IReadOnlyList<RawInput>> AppendRawInputsAsync(IReadOnlyList<RawInput> inputs, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<RawInput>>([.. inputs.Select(i => i.Seq > 0 ? i : i with { Seq = ++_lastSeq })]);
    public IAsyncEnumerable<Core.Events.NewsDocument> ReadUnfinishedDocumentsAsync(CancellationToken cancellationToken = default) =>
        inner.ReadUnfinishedDocumentsAsync(cancellationToken);
    public IAsyncEnumerable<RawInput> ReadUnfinishedRawInputsAsync(IReadOnlyCollection<string> topics, CancellationToken cancellationToken = default) =>
        inner.ReadUnfinishedRawInputsAsync(topics, cancellationToken);
    public Task<IReadOnlyList<Core.Events.DailySentiment>> GetDailySentimentAsync(string issuerId, CancellationToken cancellationToken = default) => inner.GetDailySentimentAsync(issuerId, cancellationToken);
    public Task<IReadOnlyList<Core.Events.DailySentiment>> GetDailySentimentAsync(string issuerId, DateOnly from, DateOnly? to, CancellationToken cancellationToken = default) => inner.GetDailySentimentAsync(issuerId, from, to, cancellationToken);
    public Task<IReadOnlyList<Core.Events.RiskScore>> GetRiskScoresAsync(string issuerId, CancellationToken cancellationToken = default) => inner.GetRiskScoresAsync(issuerId, cancellationToken);
    public Task<IReadOnlyList<Core.Events.RiskAlert>> GetAlertsAsync(CancellationToken cancellationToken = default) => inner.GetAlertsAsync(cancellationToken);
    public Task<IReadOnlyList<Core.Events.DeadLetter>> GetDeadLettersAsync(CancellationToken cancellationToken = default) => inner.GetDeadLettersAsync(cancellationToken);
    public Task<IReadOnlyList<Core.Events.NewsDocument>> GetDocumentsAsync(CancellationToken cancellationToken = default) => inner.GetDocumentsAsync(cancellationToken);
    public Task<IReadOnlyList<Core.Events.FirmSentiment>> GetFirmSentimentsAsync(CancellationToken cancellationToken = default) => inner.GetFirmSentimentsAsync(cancellationToken);
    public Task<IReadOnlyList<Core.Events.IndustrySentiment>> GetIndustrySentimentsAsync(CancellationToken cancellationToken = default) => inner.GetIndustrySentimentsAsync(cancellationToken);
    public Task<IReadOnlyList<Core.Events.FirmSentiment>> GetAppliedFirmSentimentsAsync(string stage, CancellationToken cancellationToken = default) => inner.GetAppliedFirmSentimentsAsync(stage, cancellationToken);
    public Task<IReadOnlyList<Core.Events.IndustrySentiment>> GetAppliedIndustrySentimentsAsync(string stage, CancellationToken cancellationToken = default) => inner.GetAppliedIndustrySentimentsAsync(stage, cancellationToken);
    public Task<IReadOnlyList<Core.Events.FirmSentiment>> GetAppliedFirmSentimentsAsync(string stage, string issuerId, DateOnly fromDay, CancellationToken cancellationToken = default) => inner.GetAppliedFirmSentimentsAsync(stage, issuerId, fromDay, cancellationToken);
    public Task<IReadOnlyList<Core.Events.IndustrySentiment>> GetAppliedIndustrySentimentsAsync(string stage, string industryId, DateOnly fromDay, CancellationToken cancellationToken = default) => inner.GetAppliedIndustrySentimentsAsync(stage, industryId, fromDay, cancellationToken);
    public Task<IReadOnlySet<string>> GetInboxAsync(string stage, IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken = default) => inner.GetInboxAsync(stage, eventIds, cancellationToken);
    public Task<IReadOnlyList<OutboxMessage>> GetOutboxAsync(string stage, CancellationToken cancellationToken = default) => inner.GetOutboxAsync(stage, cancellationToken);
    public Task<IReadOnlyList<Core.Ingest.IngestedDocumentTime>> GetLatestDocumentTimesAsync(int count, CancellationToken cancellationToken = default) => inner.GetLatestDocumentTimesAsync(count, cancellationToken);
    public Task<IReadOnlyList<Core.Events.Fundamentals>> GetFundamentalsAsync(CancellationToken cancellationToken = default) => inner.GetFundamentalsAsync(cancellationToken);
    public Task<IReadOnlyList<Core.Events.SpreadObservation>> GetSpreadsAsync(CancellationToken cancellationToken = default) => inner.GetSpreadsAsync(cancellationToken);
    public Task<StoreCounts> CountAsync(CancellationToken cancellationToken = default) => inner.CountAsync(cancellationToken);
    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
