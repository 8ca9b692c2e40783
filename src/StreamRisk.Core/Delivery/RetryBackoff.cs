namespace StreamRisk.Core.Delivery;

/// <summary>
/// When to try a failed delivery again: exponential backoff with full jitter (a uniform draw in [0, min(cap, base·2^n)]),
/// so receivers that come back after an outage are not hit by every sender at the same instant.
/// </summary>
/// <param name="MaxAttempts">Attempts in all, the first included; after the last failure the delivery is dead-lettered.</param>
public sealed record RetryBackoff(TimeSpan Base, TimeSpan Cap, int MaxAttempts)
{
    /// <summary>1 s, 2 s, 4 s … capped at 10 minutes; 8 attempts reach about 2 minutes of waiting on average.</summary>
    public static RetryBackoff Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10), 8);

    /// <summary>The wait before the attempt after <paramref name="failedAttempts"/> failures, or null when none is left.</summary>
    /// <param name="draw">A uniform draw in [0, 1): <see cref="Random.NextDouble"/> in production, fixed in tests.</param>
    public TimeSpan? DelayAfter(int failedAttempts, Func<double> draw)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        ArgumentNullException.ThrowIfNull(draw);
        if (failedAttempts >= MaxAttempts)
        {
            return null;
        }
        // 2^n overflows long before the cap matters, so the ceiling is computed in doubles and clamped.
        var ceiling = Math.Min(Cap.TotalMilliseconds, Base.TotalMilliseconds * Math.Pow(2, failedAttempts - 1));
        return TimeSpan.FromMilliseconds(Math.Clamp(draw(), 0, 1) * ceiling);
    }
}
