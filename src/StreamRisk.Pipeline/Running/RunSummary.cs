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
}

/// <summary>Progress of a run: input records published so far out of the total.</summary>
public readonly record struct RunProgress(long Done, long Total);
