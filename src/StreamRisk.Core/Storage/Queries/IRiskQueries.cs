using StreamRisk.Core.Events;

namespace StreamRisk.Core.Storage.Queries;

/// <summary>
/// The read side of the store, for the query API: filtered, keyset-paged reads that never write (a SQLite store is
/// opened read-only beside the process that writes it). Each page holds at most the query's limit of rows and says
/// whether more follow; the next page starts after the last row's key, so rows written meanwhile neither shift nor
/// repeat the ones already read.
/// </summary>
public interface IRiskQueries : IAsyncDisposable
{
    /// <summary>Throws when the store cannot be read (down, missing, not a StreamRisk store).</summary>
    Task CheckReachableAsync(CancellationToken cancellationToken = default);

    /// <summary>An issuer's daily index (latest revision of each day), oldest day first.</summary>
    Task<Page<DailySentiment>> GetDailyIndexAsync(DayRangeQuery query, CancellationToken cancellationToken = default);

    /// <summary>An issuer's risk scores with their class probabilities (latest revision of each day), oldest day first.</summary>
    Task<Page<RiskScore>> GetRiskScoresAsync(DayRangeQuery query, CancellationToken cancellationToken = default);

    /// <summary>Alerts (latest revision of each), newest day first, then alert id descending.</summary>
    Task<Page<RiskAlert>> GetAlertsAsync(AlertQuery query, CancellationToken cancellationToken = default);

    /// <summary>Documents, newest publication first, then doc id descending.</summary>
    Task<Page<NewsDocument>> GetDocumentsAsync(DocumentQuery query, CancellationToken cancellationToken = default);

    /// <summary>One document with the firm- and industry-level sentiment scored on it; null when no such document is stored.</summary>
    Task<DocumentScores?> GetDocumentAsync(string docId, CancellationToken cancellationToken = default);

    /// <summary>Industry sentiment per industry and UTC day (days where the texts' weights sum to zero are left out),
    /// oldest day first, then industry id.</summary>
    Task<Page<IndustryDaySentiment>> GetIndustryDaysAsync(IndustryDayQuery query, CancellationToken cancellationToken = default);

    /// <summary>Dead letters by id.</summary>
    Task<Page<DeadLetter>> GetDeadLettersAsync(DeadLetterQuery query, CancellationToken cancellationToken = default);
}
