namespace StreamRisk.Core.IndustryText;

/// <summary>
/// Opens after <c>failuresToOpen</c> failed calls in a row and refuses calls for <c>breakDuration</c>; then lets one
/// trial call through (half-open): its success closes the circuit, its failure opens it again. Thread-safe; time from
/// the <see cref="TimeProvider"/>.
/// </summary>
public sealed class CircuitBreaker(int failuresToOpen, TimeSpan breakDuration, TimeProvider? time = null)
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private int _failures;
    private DateTimeOffset? _openUntil;
    private bool _trialInFlight;
    private long _opened;

    /// <summary>How many times the circuit opened.</summary>
    public long TimesOpened => Interlocked.Read(ref _opened);

    /// <summary>True when a call may go ahead; false while the circuit is open (or its one trial call is in flight).</summary>
    public bool TryEnter()
    {
        lock (_gate)
        {
            if (_openUntil is not { } until)
            {
                return true;
            }
            if (_time.GetUtcNow() < until || _trialInFlight)
            {
                return false;
            }
            _trialInFlight = true;
            return true;
        }
    }

    public void Success()
    {
        lock (_gate)
        {
            _failures = 0;
            _openUntil = null;
            _trialInFlight = false;
        }
    }

    public void Failure()
    {
        lock (_gate)
        {
            _failures++;
            if (_trialInFlight || _failures >= failuresToOpen)
            {
                _openUntil = _time.GetUtcNow() + breakDuration;
                _trialInFlight = false;
                _failures = 0;
                _opened++;
            }
        }
    }
}
