namespace StreamRisk.Pipeline.Stages;

/// <summary>Runs pure per-message work of a batch on all cores; small batches stay on the calling thread.</summary>
internal static class BatchParallel
{
    // Below this, scheduling work items costs more than it saves (a recognition or a schema check takes ~0.1 ms).
    private const int MinParallelBatch = 16;

    public static void For(int count, Action<int> body)
    {
        if (count < MinParallelBatch || Environment.ProcessorCount == 1)
        {
            for (var i = 0; i < count; i++) body(i);
            return;
        }
        try
        {
            Parallel.For(0, count, body);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count >= 1)
        {
            // Callers (and the dead-letter records) should see the message's own exception, not the wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }
    }
}
