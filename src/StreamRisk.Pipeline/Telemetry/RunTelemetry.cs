using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Telemetry;

/// <summary>
/// What an embedded run shows while it runs (<c>streamrisk live</c>'s <c>/metrics</c>): the run counts into
/// <see cref="Counters"/> instead of counters of its own, and hands over its stages once built, for their lag.
/// </summary>
public sealed class RunTelemetry
{
    private volatile IReadOnlyList<PipelineStage> _stages = [];

    public PipelineCounters Counters { get; } = new();

    /// <summary>Called by the run once its stages exist.</summary>
    public void Attach(IReadOnlyList<PipelineStage> stages) => _stages = [.. stages];

    /// <summary>Per stage, the messages waiting on its input topics now (empty before the run has built its stages). Read
    /// when scraped, never per batch: on Kafka a lag costs a broker round trip per partition.</summary>
    public IReadOnlyList<(string Stage, long Lag)> StageLags()
    {
        var lags = new List<(string, long)>();
        foreach (var stage in _stages)
        {
            try
            {
                lags.Add((stage.Name, stage.Lag));
            }
            catch (ObjectDisposedException)
            {
                // The stage is replacing its consumer after a failure: no figure this scrape.
            }
        }
        return lags;
    }
}
