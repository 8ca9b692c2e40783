namespace StreamRisk.Bench.Kafka;

/// <summary>
/// Pumps one consumer (a stage, the relay, the latency observer) on its own task, as a worker does, until told to
/// stop. Stopping is a flag looked at between pumps, never a cancelled poll, so no batch is abandoned half-done.
/// </summary>
public sealed class PumpLoop(string name, Func<Task<int>> pump)
{
    private Task? _running;
    private volatile bool _stop;
    private long _handled;

    public string Name => name;

    /// <summary>Input messages handled since the loop was made.</summary>
    public long Handled => Interlocked.Read(ref _handled);

    public void Start()
    {
        if (_running is { IsCompleted: false }) throw new InvalidOperationException(name + " is already running");
        _stop = false;
        _running = Task.Run(async () =>
        {
            while (!_stop)
            {
                Interlocked.Add(ref _handled, await pump().ConfigureAwait(false));
            }
        });
    }

    public async Task StopAsync()
    {
        _stop = true;
        if (_running is not null) await _running.ConfigureAwait(false);
    }
}
