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

    /// <summary>Per stage, the messages waiting when it last looked (empty before the run has built its stages).</summary>
    public IReadOnlyList<(string Stage, long Lag)> StageLags() => [.. _stages.Select(s => (s.Name, s.Waiting))];
}
