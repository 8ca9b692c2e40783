namespace StreamRisk.Core.Subscriptions;

/// <summary>
/// Wakes the live feed's readers in this process when the fan-out has appended entries, so an alert reaches an SSE
/// client without waiting for a poll. Readers also poll on a timeout: the fan-out may run in another process.
/// </summary>
public sealed class FeedSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Notify() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Completes at the next <see cref="Notify"/> or after <paramref name="timeout"/>, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var next = Volatile.Read(ref _next).Task;
        try
        {
            await next.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A poll is due; the caller reads the store either way.
        }
    }
}
