using StreamRisk.Pipeline.Stages;

namespace StreamRisk.Pipeline.Running;

/// <summary>
/// Runs the stages in one process in lock-step: after each chunk of input, every stage in data-flow order takes what
/// is waiting on its topics until no stage has work left. A stage therefore always sees its inputs in the same order
/// and in the same batches for the same input, which makes a run, and a replay of it, deterministic — unlike free-running
/// workers, whose interleaving of two input topics depends on thread timing.
/// </summary>
public sealed class PipelineDriver(IReadOnlyList<PipelineStage> stages, int batchSize = 512)
{
    public IReadOnlyList<PipelineStage> Stages => stages;

    /// <summary>Processes everything waiting on any stage's input; returns how many messages were handled.</summary>
    public async Task<long> DrainAsync(CancellationToken cancellationToken)
    {
        long handled = 0;
        bool progressed;
        do
        {
            progressed = false;
            foreach (var stage in stages)
            {
                int n;
                var max = stage.TakesWholeSteps ? int.MaxValue : batchSize;
                while ((n = await stage.PumpAsync(max, TimeSpan.Zero, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    handled += n;
                    progressed = true;
                }
            }
        }
        while (progressed);
        return handled;
    }
}
