using StreamRisk.Core.Reference;
using StreamRisk.Core.Storage;
using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Running;

/// <summary>What a run did, for the end-of-run table and for tests.</summary>
public sealed record RunSummary(
    long InputRecords,
    PipelineCounters Counters,
    StoreCounts Store,
    IReadOnlyDictionary<string, int> TopicCounts,
    TimeSpan Elapsed,
    string? OutDirectory,
    string DatabasePath)
{
    /// <summary>For a replay: differences from the live run's stored results (empty: identical); null otherwise.</summary>
    public IReadOnlyList<string>? ReplayMismatches { get; init; }

    /// <summary>Inputs an earlier run had taken in but not finished (it was cut short, or ran ingest only), fed again
    /// first.</summary>
    public long Resumed { get; init; }

    /// <summary>Documents an earlier run stored whose later stages it had not finished (it was cut short, or ran ingest
    /// only), published again first.</summary>
    public long RepublishedDocuments { get; init; }

    /// <summary>Input records the store already held (same topic, key and bytes): taken in by an earlier run.</summary>
    public long AlreadyStored { get; init; }

    /// <summary>Reference data that loaded with a warning (ignored or shared issuer names), with file and line.</summary>
    public IReadOnlyList<ReferenceDataWarning> ReferenceWarnings { get; init; } = [];

    /// <summary>How issuers listed without industries were placed by description (null: none was).</summary>
    public IssuerPlacementSummary? Placement { get; init; }

    /// <summary>The issuers placed by description, each with <see cref="Issuer.Placement"/>.</summary>
    public IReadOnlyList<Issuer> PlacedIssuers { get; init; } = [];

    /// <summary>
    /// More than half of the news texts read were refused as <c>too_late</c>: the run completed, but its input is almost
    /// certainly out of order or mis-dated (a feed replayed backwards, a wrong published_at), and the daily index says
    /// little. The CLI warns and exits with code 3 rather than reporting success.
    /// </summary>
    public bool MostTextsTooLate => Counters.Inputs > 0 && Counters.TooLateTextCount * 2 > Counters.Inputs;

    /// <summary>The warning line for <see cref="MostTextsTooLate"/>; null when it does not hold.</summary>
    public string? TooLateWarning => MostTextsTooLate
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"warning: {Counters.TooLateTextCount:N0} of {Counters.Inputs:N0} news texts read were refused as too late (more than half): check published_at of your feed and the order of its records; a text more than the allowed lateness behind the day the stream had reached is refused")
        : null;
}

/// <summary>Progress of a run: input records published so far out of the total.</summary>
public readonly record struct RunProgress(long Done, long Total);
