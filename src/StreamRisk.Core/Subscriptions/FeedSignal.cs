using System.Collections.Concurrent;

namespace StreamRisk.Core.Subscriptions;

/// <summary>
/// Wakes the live feed's readers in this process when the fan-out has appended entries, so an alert reaches an SSE
/// client without waiting for a poll. Readers also poll on a timeout: the fan-out may run in another process.
/// A stream waits for its own team (<see cref="WaitForTeamAsync"/>): entries for some teams wake only those teams'
/// streams, so each batch costs a store read per stream that has something to read, not per open stream.
/// </summary>
public sealed class FeedSignal
{
    private TaskCompletionSource _any = New();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _teams = new(StringComparer.Ordinal);

    /// <summary>Wakes every waiter: entries of unknown teams arrived. A stream that starts waiting just after reads the
    /// store first anyway, so it misses nothing.</summary>
    public void Notify() => Notify(_teams.Keys);

    /// <summary>Wakes the streams of these teams, and whoever waits for any entry (the webhook dispatcher).</summary>
    public void Notify(IEnumerable<string> teams)
    {
        ArgumentNullException.ThrowIfNull(teams);
        foreach (var team in teams)
        {
            if (_teams.TryRemove(team, out var waiting))
            {
                waiting.TrySetResult();
            }
        }
        Interlocked.Exchange(ref _any, New()).TrySetResult();
    }

    /// <summary>Completes at the next notification of any kind or after <paramref name="timeout"/>, whichever is first.</summary>
    public Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken) =>
        UntilAsync(Volatile.Read(ref _any).Task, timeout, time, cancellationToken);

    /// <summary>Completes when entries of <paramref name="teamId"/> (or of every team, <see cref="Notify()"/>) are announced, or after
    /// <paramref name="timeout"/>, whichever is first. Call it before reading the store, so nothing announced in between is missed.</summary>
    public Task WaitForTeamAsync(string teamId, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken) =>
        UntilAsync(_teams.GetOrAdd(teamId, _ => New()).Task, timeout, time, cancellationToken);

    private static async Task UntilAsync(Task next, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            await next.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A poll is due; the caller reads the store either way.
        }
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
