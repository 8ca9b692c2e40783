namespace StreamRisk.Infrastructure.Bus;

/// <summary>
/// Wakes whoever waits for "something changed" without a busy spin. A waiter takes <see cref="NextAsync"/> BEFORE it looks
/// for data, so a change made between its look and its await still completes the task it holds.
/// </summary>
internal sealed class ArrivalSignal
{
    private TaskCompletionSource? _next;

    public Task NextAsync()
    {
        var current = Volatile.Read(ref _next);
        if (current is not null)
        {
            return current.Task;
        }
        var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return (Interlocked.CompareExchange(ref _next, created, null) ?? created).Task;
    }

    /// <summary>Costs one volatile read when nobody waits, which is the common case on a busy producer.</summary>
    public void Pulse()
    {
        if (Volatile.Read(ref _next) is null)
        {
            return;
        }
        Interlocked.Exchange(ref _next, null)?.TrySetResult();
    }
}
