namespace StreamRisk.Infrastructure.Bus;

/// <summary>Settings of the embedded bus.</summary>
public sealed record InMemoryEventBusOptions
{
    /// <summary>Partitions of a topic created implicitly, by producing to it or subscribing to it before EnsureTopic.</summary>
    public int DefaultPartitions { get; init; } = 4;

    /// <summary>Stamps message timestamps and measures ConsumeAsync's maxWait.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
