namespace StreamRisk.Pipeline.Stages;

/// <summary>A stage's own logic threw on a batch (as opposed to the store or the bus failing): the batch may hold a
/// poison message.</summary>
public sealed class StageProcessingException(string stage, Exception inner)
    : Exception($"stage {stage} failed to process a batch: {inner.Message}", inner)
{
    public string Stage { get; } = stage;
}
